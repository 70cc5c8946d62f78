export { detectXmlEncoding, xmlEncodings, type DetectedXmlEncoding, type XmlEncodingRow, type XmlEncodingSource } from './encoding.js';
export { decodeXml, type DecodedXml, type XmlIssueOptions } from './decode.js';
export { encodeGb18030, findUnmappableGb18030, type EncodeGb18030Options } from './gb18030.js';
export { findInvalidUtf8, scanGbBytes, type GbScan } from './byteScan.js';
export { createLineIndex, type LineIndex } from './lineIndex.js';

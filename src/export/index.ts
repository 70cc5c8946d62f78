export * from '../formats/eep/index.js';
// 归档文件目录 CSV (DA/T 22-2015 §5.5)
export { catalogueColumns, catalogueColumnNames, type CatalogueColumn, type CatalogueColumnName } from '../formats/catalogue/csv/columns.js';
export { decodeCsvBytes, type CsvEncoding } from '../formats/catalogue/csv/decodeCsvBytes.js';
export { formatCsvTable, parseCsvTable, type CsvRecord, type CsvSyntaxError } from '../formats/catalogue/csv/csvTable.js';
export { UTF8_BOM, writeCatalogueCsv } from '../formats/catalogue/csv/writeCatalogueCsv.js';
export { readCatalogueCsv, type ReadCatalogueCsvOptions, type ReadCatalogueCsvResult } from '../formats/catalogue/csv/readCatalogueCsv.js';
// 目录文件.XML / 案卷目录.XML (DA/T 93-2022; 2012 办法)
export { catalogueFields, type CatalogueField as CatalogueExportField } from '../formats/catalogue/catalogueRecord.js';
export { writeCatalogueXml, type WriteCatalogueXmlOptions } from '../formats/catalogue/writeCatalogueXml.js';
export { readCatalogueXml, type ReadCatalogueXmlOptions, type ReadCatalogueXmlResult } from '../formats/catalogue/readCatalogueXml.js';
// DA/T 46 item metadata (文件实体)
export type { Dat46ItemMetadata, MetadataDocument, MetadataFile } from '../formats/itemMetadata/typedView.js';
export { itemMetadataNode, writeItemMetadataXml } from '../formats/itemMetadata/writeItemMetadataXml.js';
export { readItemMetadataXml, type ReadItemMetadataResult } from '../formats/itemMetadata/readItemMetadataXml.js';
export { documentsFromFiles, metadataFromCatalogueEntry, type MetadataSource } from '../formats/itemMetadata/fromCatalogueEntry.js';
// 其他/固化验证信息.XML and 说明文件.TXT (DA/T 93-2022 附录B)
export { fixityAlgorithmNames, parseFixityAlgorithm, type FixityAlgorithm, type FixityRecord } from '../formats/fixity/fixityRecord.js';
export { writeFixityManifest } from '../formats/fixity/writeFixityManifest.js';
export { readFixityManifest, type ReadFixityManifestResult } from '../formats/fixity/readFixityManifest.js';
export {
  packageDescriptionKeys,
  writePackageDescription,
  type PackageDescription,
  type PackageDescriptionKey,
} from '../formats/description/writePackageDescription.js';
// JSON of every model, Dublin Core for international exchange
export { readModelJson, writeModelJson, type ReadModelJsonResult } from '../formats/modelJson/modelJson.js';
export {
  dublinCoreCrosswalk,
  dublinCoreElements,
  dublinCoreFromMetadata,
  type DublinCoreElement,
  type DublinCoreMapping,
  type DublinCoreRecord,
} from '../formats/dublinCore/dublinCore.js';
export { DUBLIN_CORE_NAMESPACES, readDublinCoreXml, writeDublinCoreXml } from '../formats/dublinCore/dublinCoreXml.js';
// XML writing shared by the writers
export { escapeXml, findUnrepresentableXmlChar } from '../xml/escapeXml.js';
export { serializeXml, serializeXmlElement, xmlElement, type XmlNode, type XmlOutputEncoding } from '../xml/xmlNode.js';
export { encodeXmlDocument } from '../xml/encodeXmlDocument.js';

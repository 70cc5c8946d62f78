/**
 * Resource limits of the XML reader. Each one is checked before the structure
 * it guards is built, and breaking one is an issue (`xml.limit-*`, aspect
 * 安全性 security), never an exception.
 */
export interface XmlLimits {
  /** Largest input, in UTF-16 code units of the decoded text. */
  maxLength: number;
  /** Deepest element nesting; the root element is depth 1. */
  maxDepth: number;
  /** Longest single run of character data (text between two tags, or one CDATA section). */
  maxTextLength: number;
  /** Most attributes on one element. */
  maxAttributes: number;
  /** Time budget of one scan, in milliseconds (`xml.limit-time`); checked inside every loop of the scan. */
  maxMilliseconds: number;
  /** Longest name (element, attribute, PI target, entity, DTD token), in UTF-16 code units (`xml.limit-name`). */
  maxNameLength: number;
  /** Longest attribute value as written, in UTF-16 code units (`xml.limit-attribute-value`). */
  maxAttributeValueLength: number;
  /** Most issues of one code listed per file; the rest are counted in one `limits.issues-truncated` issue. */
  maxIssuesPerCode: number;
}

/**
 * Defaults: generous for catalogues (depth 3) and DA/T 46 metadata (depth < 10),
 * tight enough to refuse hostile input. Raise `maxTextLength` for EEP files that
 * embed Base64 content.
 *
 * @example
 * readXml(eepBytes, { limits: { ...defaultXmlLimits, maxTextLength: 512 * 1024 * 1024 } })
 */
export const defaultXmlLimits: Readonly<XmlLimits> = {
  maxLength: 256 * 1024 * 1024,
  maxDepth: 100,
  maxTextLength: 16 * 1024 * 1024,
  maxAttributes: 256,
  maxMilliseconds: 30_000,
  maxNameLength: 4096,
  maxAttributeValueLength: 1024 * 1024,
  maxIssuesPerCode: 1000,
};

/**
 * Identifiers in the pattern of the DA/T 48-2009 附录A schema defaults:
 * `修改<layer>-文档<d>-文档数据<n>-编码<e>`. `修改0` is the original package;
 * each 修改型 wrap adds one layer. Every value is a valid `xs:ID` (NCName).
 *
 * @module
 */

/**
 * 文档标识符 of the d-th 文档 (1-based) in a layer.
 *
 * @param layer - Modification layer, 0 for 原始型.
 * @param document - 1-based document number.
 * @returns e.g. `修改0-文档1`.
 * @example
 * documentId(0, 1) //=> '修改0-文档1'
 */
export function documentId(layer: number, document: number): string {
  return `修改${layer}-文档${document}`;
}

/**
 * `@文档数据ID` (DA/T 48-2009 附录A default `修改0-文档1-文档数据1`).
 *
 * @param layer - Modification layer.
 * @param document - 1-based document number.
 * @param data - 1-based 文档数据 number.
 * @returns e.g. `修改0-文档1-文档数据1`.
 * @example
 * documentDataId(0, 1, 2) //=> '修改0-文档1-文档数据2'
 */
export function documentDataId(layer: number, document: number, data: number): string {
  return `${documentId(layer, document)}-文档数据${data}`;
}

/**
 * `@编码ID` (DA/T 48-2009 附录A default `修改0-文档1-文档数据1-编码1`).
 *
 * @param layer - Modification layer.
 * @param document - 1-based document number.
 * @param data - 1-based 文档数据 number.
 * @param encoding - 1-based 编码 number.
 * @returns e.g. `修改0-文档1-文档数据1-编码1`.
 * @example
 * encodingId(0, 1, 1, 1) //=> '修改0-文档1-文档数据1-编码1'
 */
export function encodingId(layer: number, document: number, data: number, encoding: number): string {
  return `${documentDataId(layer, document, data)}-编码${encoding}`;
}

/**
 * `@编码数据ID`. The schema copy gives 编码ID and 编码数据ID the same default,
 * but `xs:ID` values must be unique in a document (XML Schema Part 2 §3.3.8),
 * so the data gets its own suffix (*inferred*, standards-electronic.md §2.2).
 *
 * @param layer - Modification layer.
 * @param document - 1-based document number.
 * @param data - 1-based 文档数据 number.
 * @param encoding - 1-based 编码 number.
 * @returns e.g. `修改0-文档1-文档数据1-编码数据1`.
 * @example
 * encodedDataId(0, 1, 1, 1) //=> '修改0-文档1-文档数据1-编码数据1'
 */
export function encodedDataId(layer: number, document: number, data: number, encoding: number): string {
  return `${documentDataId(layer, document, data)}-编码数据${encoding}`;
}

/**
 * 签名标识符 (DA/T 48-2009 附录A convention `修改0-签名1`).
 *
 * @param layer - Modification layer that signs.
 * @param signature - 1-based signature number.
 * @returns e.g. `修改0-签名1`.
 * @example
 * signatureId(1, 1) //=> '修改1-签名1'
 */
export function signatureId(layer: number, signature: number): string {
  return `修改${layer}-签名${signature}`;
}

/**
 * 修改标识符 of a 修改型 layer.
 *
 * @param layer - Modification layer, 1 or more.
 * @returns e.g. `修改1`.
 * @example
 * modificationId(1) //=> '修改1'
 */
export function modificationId(layer: number): string {
  return `修改${layer}`;
}

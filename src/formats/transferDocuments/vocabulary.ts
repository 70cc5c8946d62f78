/**
 * The vocabulary of the documents dangan writes into the `其他/` folder of a
 * 移交信息包 (DA/T 93-2022 附录B; which documents belong there, and how sure
 * we are, is `otherFolderDocuments` in `dangan/rules`). The standard fixes
 * no file name, format or element set for them: these are dangan's own forms
 * (*inferred*), named so that the document's name ends the file name.
 *
 * @module
 */

/** Folder of the documents (DA/T 93-2022 附录B). */
export const OTHER_FOLDER = '其他';

/**
 * Package-relative names of the documents `dangan build` writes, by the id of
 * their entry in `otherFolderDocuments` (固化验证信息 is the fixity format's).
 *
 * @example
 * TRANSFER_DOCUMENT_FILES['transfer-list'] //=> '其他/电子档案移交清单.XML'
 */
export const TRANSFER_DOCUMENT_FILES = {
  'transfer-list': `${OTHER_FOLDER}/电子档案移交清单.XML`,
  'metadata-spec': `${OTHER_FOLDER}/元数据规范.TXT`,
  'packaging-spec': `${OTHER_FOLDER}/数据封装规范.TXT`,
  'classification-rules': `${OTHER_FOLDER}/分类编号规则.TXT`,
  'naming-rules': `${OTHER_FOLDER}/内容数据命名规则.TXT`,
  'process-metadata': `${OTHER_FOLDER}/移交接收过程元数据.XML`,
  'transfer-register': `${OTHER_FOLDER}/电子档案移交与接收登记表.XML`,
} as const;

/** Root element of 电子档案移交清单.XML. */
export const TRANSFER_LIST_ROOT = '电子档案移交清单';

/** The element of one item (件) in the list. */
export const TRANSFER_LIST_ENTRY = '档案';

/** Totals of the list, children of the root, in document order. */
export const TRANSFER_LIST_TOTALS = ['移交单位', '起止档号', '档案数量', '文件数量', '总字节数'] as const;

/** Fields of one item of the list, in document order. */
export const TRANSFER_LIST_FIELDS = ['顺序号', '档号', '题名', '文件数', '字节数'] as const;

/** Root element of 移交接收过程元数据.XML. */
export const PROCESS_METADATA_ROOT = '移交接收过程元数据';

/**
 * Root element of the 登记表; its fields are those of the 电子档案移交与接收登记表
 * of the 2012 办法 (standards-electronic §4.4; the 2022 form is believed the same).
 */
export const TRANSFER_REGISTER_ROOT = '电子档案移交与接收登记表';

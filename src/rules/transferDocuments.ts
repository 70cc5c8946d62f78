/**
 * The documents DA/T 93-2022 附录B puts in the `其他/` folder of a 移交信息包,
 * with how sure we are of each. The standard's own text was not reached:
 * the list rests on a published discussion of 附录B and a vendor's
 * description of the same folder; one implementation that cites 附录B treats
 * the folder as optional. So no document is *required* on a verified basis:
 * the validator warns when one is missing (check `package.other-documents`,
 * relaxed with `--severity package.other-document-missing=off`, or `severity: { 'package.other-documents': 'off' }` in the API), it never fails.
 *
 * @module
 */
import type { Citation } from '../model/citation.js';

/** One document of the 其他/ folder (DA/T 93-2022 附录B). */
export interface OtherFolderDocument {
  /** Stable id, e.g. `transfer-list`. */
  readonly id: string;
  /** Its name in the standard, e.g. `电子档案移交清单`. */
  readonly name: string;
  /** English name. */
  readonly en: string;
  /**
   * File-name stems that name this document (the file's name without its
   * extension ends with one of them), e.g. `移交清单` also matches
   * `电子档案移交清单.XML`. The standard fixes no file name or format.
   */
  readonly stems: readonly string[];
  /** That 附录B lists it, and how sure we are. */
  readonly source: Citation;
}

// The list: the 附录B discussion (S93-appendix-b) and a vendor's package description (S93-e9) agree on 移交清单,
// 元数据规范 and 封装规范; the rest rest on the discussion alone. Both are summaries, so nothing here is `verified`.
const LISTED: Citation = { standard: 'DA/T 93-2022', clause: '附录B 其他/', confidence: 'single-source', basis: ['S93-appendix-b', 'S93-e9'] };
const LISTED_ONCE: Citation = { standard: 'DA/T 93-2022', clause: '附录B 其他/', confidence: 'single-source', basis: ['S93-appendix-b'] };

/**
 * The documents of the 其他/ folder, in the order 附录B lists them. The 固化验证信息
 * file is read by the fixity checks; the 登记表 is the signed form of the 2012
 * 办法 (its fields verified for 2012; the 2022 edition is believed the same).
 *
 * @example
 * otherFolderDocuments.map((d) => d.name).includes('电子档案移交清单') //=> true
 */
export const otherFolderDocuments: readonly OtherFolderDocument[] = [
  { id: 'transfer-list', name: '电子档案移交清单', en: 'transfer list', stems: ['移交清单'], source: LISTED },
  { id: 'metadata-spec', name: '元数据规范', en: 'metadata specification', stems: ['元数据规范'], source: LISTED },
  { id: 'packaging-spec', name: '数据封装规范', en: 'packaging specification', stems: ['封装规范'], source: LISTED },
  { id: 'classification-rules', name: '分类编号规则', en: 'classification and numbering rules', stems: ['分类编号规则', '分类方案'], source: LISTED_ONCE },
  { id: 'naming-rules', name: '内容数据命名规则', en: 'naming rules for content files', stems: ['命名规则'], source: LISTED_ONCE },
  { id: 'fixity', name: '固化验证信息', en: 'fixity information', stems: ['固化验证信息'], source: { standard: 'DA/T 93-2022', clause: '附录B 其他/固化验证信息', confidence: 'single-source', basis: ['S93-appendix-b'] } },
  { id: 'process-metadata', name: '移交接收过程元数据', en: 'transfer process metadata', stems: ['过程元数据'], source: LISTED_ONCE },
  {
    id: 'transfer-register',
    name: '电子档案移交与接收登记表',
    en: 'transfer and acceptance register',
    stems: ['登记表'],
    source: { standard: 'DA/T 93-2022', clause: '附录B 其他/；附录A 登记表（2012年办法的表式）', confidence: 'single-source', basis: ['S93-appendix-b', 'S-register-2012'] },
  },
];

/**
 * Whether the documents are *required*: inferred. 附录B shows them in its
 * example tree; one implementation that cites 附录B treats the whole 其他/
 * folder as optional (S93-luckygc). Hence a missing document is a warning.
 */
export const OTHER_FOLDER_REQUIRED: Citation = {
  standard: 'DA/T 93-2022',
  clause: '附录B 其他/（是否必备：推断）',
  confidence: 'inferred',
  basis: ['S93-appendix-b', 'S93-luckygc'],
};

/**
 * Which document a file of the 其他/ folder is, by its name: the first
 * document one of whose stems ends the name without its extension.
 *
 * @param fileName - A file name (no folder), e.g. `电子档案移交清单.XML`.
 * @returns The document, or `undefined` for a file no stem names.
 * @example
 * otherFolderDocumentOf('电子档案移交清单.xlsx')?.id //=> 'transfer-list'
 * otherFolderDocumentOf('说明.txt') //=> undefined
 */
export function otherFolderDocumentOf(fileName: string): OtherFolderDocument | undefined {
  const dot = fileName.lastIndexOf('.');
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).normalize('NFC');
  return otherFolderDocuments.find((d) => d.stems.some((s) => stem.endsWith(s)));
}

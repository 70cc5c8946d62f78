import type { Citation } from '../../model/citation.js';

/** A 档号 scheme the package's codes follow, as the 分类编号规则 states it. */
export interface NumberingScheme {
  /** Its template, e.g. `{fondsCode}-{categoryCode}·{year}-{retentionPeriod}-{orgCode}-{itemNumber:4}`. */
  readonly template: string;
  /** Its name. */
  readonly title?: string;
  /** The clause it rests on. */
  readonly source?: Citation;
}

/** What the rule documents say of a package. */
export interface RuleDocumentsInput {
  /** The 档号 schemes the items' codes were read with; empty when none was recognised. */
  readonly schemes: readonly NumberingScheme[];
  /** Name of each item's metadata file, e.g. `电子档案元数据.XML`. */
  readonly metadataFileName: string;
  /** 目录文件.XML element set (`2022` or `2012`). */
  readonly catalogueEdition: string;
}

const lines = (...text: readonly string[]) => `${text.join('\r\n')}\r\n`;
const cite = (source: Citation | undefined) => (source ? `（${source.standard}${source.clause ? ` ${source.clause}` : ''}）` : '');

/**
 * The four rule documents of the 其他/ folder (DA/T 93-2022 附录B): 元数据规范,
 * 数据封装规范, 分类编号规则 and 内容数据命名规则, as plain text (CRLF lines)
 * stating the rules this package was built by — the metadata scheme, the
 * folder layout, the 档号 schemes its codes follow and how files are named.
 * The standard fixes no form for them (*inferred*).
 *
 * @param input - The schemes, metadata file name and catalogue edition.
 * @returns Text by document id (`metadata-spec`, `packaging-spec`, `classification-rules`, `naming-rules`).
 * @example
 * writeRuleDocuments({ schemes: [], metadataFileName: '电子档案元数据.XML', catalogueEdition: '2022' })['naming-rules']
 */
export function writeRuleDocuments(input: RuleDocumentsInput): Record<'metadata-spec' | 'packaging-spec' | 'classification-rules' | 'naming-rules', string> {
  const schemes = input.schemes.length === 0
    ? ['档号结构：未识别（档号不符合任何内置档号规则）。']
    : input.schemes.map((s) => `档号结构：${s.template}${s.title ? ` ${s.title}` : ''}${cite(s.source)}`);
  return {
    'metadata-spec': lines(
      '元数据规范',
      `每件的元数据按 DA/T 46-2009《文书类电子文件元数据方案》著录，存为件文件夹中的 ${input.metadataFileName}（根元素 文件实体）。`,
      `目录文件.XML 按 DA/T 93-2022 附录B 著录，元素集 ${input.catalogueEdition}。`,
    ),
    'packaging-spec': lines(
      '数据封装规范',
      '本信息包按 DA/T 93-2022 附录B 的件级目录结构组织：',
      '说明文件.TXT、目录文件.XML；<全宗号>/<门类代码>/<档号>/ 件文件夹，存放该件的元数据文件和内容文件；其他/ 存放本文件、移交清单、固化验证信息等。',
      '内容文件按原格式存放，未另行封装为 DA/T 48-2009 电子文件封装包。',
    ),
    'classification-rules': lines(
      '分类编号规则',
      ...schemes,
      '件文件夹：<全宗号>/<门类代码>/<档号>/，文件夹名即目录文件.XML 中的档号。',
    ),
    'naming-rules': lines(
      '内容数据命名规则',
      '内容文件保留原文件名，放在以档号命名的件文件夹中；每件的元数据文件名为 ' + input.metadataFileName + '。',
      '文件名和档号不含 / \\ : * ? " < > | 与控制字符，不为 . 或 ..，不以点或空格结尾。',
    ),
  };
}

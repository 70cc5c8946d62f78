/**
 * The source register: every text the built-in rules rest on, each with its
 * kind. A {@link Citation}'s `basis` names entries of this register, and
 * `verified` is allowed only where a primary text, or two independent
 * published reproductions, agree ({@link meetsVerifiedBar}).
 * Rendered as `docs/sources.md`.
 *
 * @module
 */
import type { Citation } from '../model/index.js';

/**
 * What kind of text a source is.
 *
 * - `primary`: the official text of a law, regulation or standard;
 * - `reproduction`: a published copy of (part of) the text, e.g. a table retyped on a web page;
 * - `summary`: a paraphrase, commentary, textbook or practice description;
 * - `audit`: this project's own audit against the above (issue 16), which names what it checked.
 */
export type SourceKind = 'primary' | 'reproduction' | 'summary' | 'audit';

/** One entry of the source register. */
export interface SourceEntry {
  /** Stable id, cited in `Citation.basis`. */
  readonly id: string;
  /** What the source is, in Chinese as published. */
  readonly title: string;
  /** Its kind. */
  readonly kind: SourceKind;
  /** Where it was read: an address, or the collection and commit it came from. */
  readonly where: string;
  /** What it settles, or what to beware of. */
  readonly note?: string;
}

const LAWREFBOOK = 'LawRefBook/Laws (commit 2f4c5c2); vendored in test/fixtures/laws/';

/**
 * Every source relied on, keyed by id.
 *
 * @example
 * sourceRegister['law-archives-2020']?.kind //=> 'primary'
 */
export const sourceRegister: Readonly<Record<string, SourceEntry>> = Object.fromEntries(
  (
    [
      // Primary legal texts (official documents, outside copyright).
      { id: 'law-archives-2020', title: '中华人民共和国档案法（2020年修订，2021-01-01施行）', kind: 'primary', where: LAWREFBOOK, note: '第二十七条 开放' },
      { id: 'law-archives-regs-2024', title: '中华人民共和国档案法实施条例（国务院令第772号，2024-03-01施行）', kind: 'primary', where: LAWREFBOOK, note: '第二十条 移交；第三十条 开放审核；第三十一条 延期开放' },
      { id: 'law-secrets-2024', title: '中华人民共和国保守国家秘密法（2024年修订，2024-05-01施行）', kind: 'primary', where: LAWREFBOOK, note: '第二十条 保密期限上限与解密条件' },
      { id: 'law-secrets-regs-2024', title: '中华人民共和国保守国家秘密法实施条例（2024-09-01施行）', kind: 'primary', where: LAWREFBOOK, note: '第十九条 自标明的制发日起计算；解密时间、解密条件' },
      { id: 'law-accounting-2024', title: '中华人民共和国会计法（2024年修正）', kind: 'primary', where: LAWREFBOOK, note: '第十一条 会计年度为公历年度' },
      // The project's audit (issue 16) of the rule data against published reproductions.
      {
        id: 'audit-issue16',
        title: 'dangan 规则数据审计（issue 16）',
        kind: 'audit',
        where: 'dangan issue 16',
        note: '1998年企业表：保管清册、销毁清册永久（审计称四份独立转载一致，未逐一列出）；月、季度财务报告3年；银行存款余额调节表、银行对账单5年。附表2第15行仅一个10年栏。民法典第二百零一条（开始的当日不计入）。',
      },
      // 国家档案局令第8号 (2006).
      { id: 'S31', title: '国家档案局令第8号 全文转载（第一至第四条）', kind: 'reproduction', where: 'http://mvptxt.com/html/index.phpmcontent&cindex&ashow&catid28&id12054.html' },
      { id: 'S32', title: '国家档案局令第8号 转载（第2、5页）', kind: 'reproduction', where: 'https://m.xueke.org/wenku/69213_2.html ; https://m.xueke.org/wenku/69213_5.html' },
      { id: 'S33', title: '国家档案局令第8号 定期范围转载', kind: 'reproduction', where: 'http://www.hnshanwen.com/NewsDetail.aspx?ID=1155' },
      { id: 'S34', title: '国家档案局令第8号 永久与定期范围转载', kind: 'reproduction', where: 'https://yizhai.net/article/187089.html' },
      { id: 'S-qa', title: '问答转载：8号令第六至八条及1987年期限', kind: 'reproduction', where: '问答页面，地址未记录 / Q&A page, address not recorded' },
      { id: 'S40', title: '教材：长期16–50年、短期15年以下；定期自次年起算', kind: 'summary', where: 'http://biz.doczj.com/doc/476180608.html' },
      { id: 'S-1987', title: '国家档案局关于机关档案保管期限的规定（1987）转载；10号令第七条', kind: 'reproduction', where: 'https://ks-st.com/p-wznnxtwzenwrwzeeznb.html' },
      { id: 'S59', title: '开源档案系统鉴定模块（长期→30、短期→10 的换算）', kind: 'summary', where: 'GitHub 代码，Python 档案系统 app/modules/appraisal（仓库名未记录）' },
      // 国家档案局令第10号 (2012).
      { id: 'S41-haog', title: '国家档案局令第10号 转载', kind: 'reproduction', where: 'https://m.haog.cn/wenku/reheh/y6QDKVEwYK' },
      { id: 'S-book118', title: '企业管理类参考表条目', kind: 'reproduction', where: 'https://max.book118.com/html/2017/0612/114199430.shtm' },
      // 会计档案管理办法 (2015) and the 1998 tables.
      { id: 'S42-lilvbiao', title: '会计档案管理办法（2015）附表1 转载', kind: 'reproduction', where: 'https://www.lilvbiao.com/wenda/133499.html' },
      { id: 'S42-51yue', title: '会计档案管理办法（2015）附表1、附表2 全文转载', kind: 'reproduction', where: 'https://51yue.net/ask/thread/20191212/17192600.html' },
      { id: 'S42-xhliubin', title: '会计档案保管期限表摘要', kind: 'summary', where: 'https://xhliubin.site/blog/wang-luo-xue-xi-zi-liao/kuai-ji-dang-an-bao-guan-qi-xian-biao.html', note: '确认附表2行政事业栏第3、5、6、8、19–24行' },
      { id: 'S42-hbrsks', title: '会计档案保管期限起算（会计年度终了后第一天）', kind: 'reproduction', where: 'http://hbrsks.net/kj/?id=428086' },
      { id: 'S42-bcrsw', title: '会计档案保管期限起算与销毁程序', kind: 'reproduction', where: 'http://bcrsw.com/huijikaoshi/x4smz7qy5o.html' },
      { id: 'S-fudaoke', title: '会计档案管理办法（2015）第十九条 摘要', kind: 'summary', where: 'https://www.fudaoke.com/exam/2593643.html' },
      { id: 'S42-old', title: '会计档案管理办法（1998）附表 转载', kind: 'reproduction', where: 'http://www.wendangku.net/doc/47cbd58b33d4b14e85246899.html ; https://365docx.com/view/20d01a580e.html', note: '参考资料记月、季报3–5年、保管/销毁清册25年，审计（issue 16）认为后者为1984年表的值' },
      // 民生 archives.
      { id: 'S43-13l', title: '婚姻登记档案管理办法 第十三条 转载', kind: 'reproduction', where: 'https://13l.net/l/455433313294464725.html' },
      { id: 'S43-falvjieda', title: '婚姻登记档案管理办法 第十三条 转载', kind: 'reproduction', where: 'https://falvjieda.com/zhuanlifalv/4dtma640cy.html' },
      { id: 'S44-gov', title: '社会保险业务档案管理规定（试行）（人社部 国家档案局令第3号）', kind: 'reproduction', where: 'http://big5.www.gov.cn/gate/big5/www.gov.cn/flfg/2009-07/29/content_1378536.htm' },
      { id: 'S44-syd', title: '社会保险业务档案保管期限起算（次年1月1日）', kind: 'reproduction', where: 'http://www.syd-pc.com/bbs/TopicOther.asp?BoardID=4&id=1787&t=5' },
      { id: 'S45-fymate', title: '最低生活保障档案管理通知 转载', kind: 'reproduction', where: 'http://www.fymate.net/html/text/chl/1014/101468_1.html' },
      { id: 'S45-lawtime', title: '最低生活保障档案管理通知 转载', kind: 'reproduction', where: 'http://law.lawtime.cn/d667365672459.html' },
      { id: 'S45-kaijiang', title: '最低生活保障档案管理通知 转载', kind: 'reproduction', where: 'http://www.kaijiang.gov.cn/xxgk-show-23013.html' },
      // DA/T 22-2015 classification.
      { id: 'S7', title: 'DA/T 22-2015 §5.1–5.2 转载', kind: 'reproduction', where: 'https://66.wendadaohang.com/zd/Uipvixi9xn2piDpnvD9.html' },
      { id: 'S16', title: '分类方案（年度-机构-保管期限等）', kind: 'reproduction', where: 'http://www.jianshufood.cn/s4988657.html ; http://m.xuazi.com/s5104922.html' },
      // DA/T 93-2022 附录B 其他/ (the standard's text was not reached; standards-electronic §4.1, §4.4).
      { id: 'S93-appendix-b', title: 'DA/T 93-2022 附录B 其他文件夹 解读', kind: 'summary', where: 'https://kepu.jilltissue.cn/sh/202409-664.html', note: '其他/：电子档案移交清单，元数据规范、数据封装规范、分类编号规则、内容数据命名规则，固化验证信息，移交接收过程元数据与登记表' },
      { id: 'S93-e9', title: '归档信息包说明（E9 档案系统接口文档）', kind: 'summary', where: 'https://www.showdoc.com.cn/2408347292986702/11126756284505161', note: '“其它”文件夹存放移交清单、元数据规范、数据分装规范等' },
      { id: 'S93-luckygc', title: '开源档案系统 DA/T 93 附录B 接收规格（其他目录可选）', kind: 'summary', where: 'GitHub luckygc/archive-management openspec/changes/add-archive-package-intake/specs/intake/spec.md' },
      { id: 'S-register-2012', title: '电子档案移交与接收登记表及填写说明（2012年办法）转载', kind: 'reproduction', where: 'https://m.wenku365.com/p-28740280.html' },
      // Practice without a national text.
      { id: 'practice-holds', title: '诉讼保留、审计保留等记录管理通行做法（ISO 15489-1:2016、DoD 5015.02）', kind: 'summary', where: 'ISO 15489-1:2016 §9.9; DoD 5015.02-STD C2.2.3' },
    ] as const satisfies readonly SourceEntry[]
  ).map((entry) => [entry.id, entry]),
);

/**
 * Whether a citation's basis is strong enough for `verified`: a primary text,
 * or at least two independent reproductions, in the register.
 *
 * @param citation - The citation.
 * @returns True when the basis meets the bar.
 * @example
 * meetsVerifiedBar({ standard: '档案法', confidence: 'verified', basis: ['law-archives-2020'] }) //=> true
 * meetsVerifiedBar({ standard: 'x', confidence: 'verified', basis: ['S42-old'] }) //=> false
 */
export function meetsVerifiedBar(citation: Citation): boolean {
  const kinds = (citation.basis ?? []).map((id) => sourceRegister[id]?.kind);
  return kinds.includes('primary') || kinds.filter((k) => k === 'reproduction').length >= 2;
}

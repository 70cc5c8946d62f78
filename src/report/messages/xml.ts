import type { IssueTable } from '../definition.js';

/**
 * Issue codes of the XML layer (encoding, well-formedness, hardening, limits).
 * Locations are 1-based line:column in the decoded text (see `docs/xml.md`).
 */
export const xmlIssues = {
  // ── Encoding (电子档案移交与接收办法 档发〔2012〕7号: UTF-8, GB18030 or GB2312 only) ──
  'xml.encoding-unsupported': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '不支持的字符编码“{encoding}”：目录 XML 只允许 UTF-8、GB18030 或 GB2312',
  },
  'xml.encoding-unknown': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '无法识别的字符编码“{encoding}”，无法读取',
  },
  'xml.encoding-not-listed': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '字符编码“{encoding}”不在 UTF-8、GB18030、GB2312 之列；已按其超集 GB18030 读取',
  },
  'xml.encoding-mismatch': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'XML 声明的编码是“{declared}”，但内容实际是 {actual} 编码；已按 {actual} 读取',
  },
  'xml.encoding-bom-conflict': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '字节顺序标记（BOM）表明编码为 {bom}，而 XML 声明为“{declared}”；以 BOM 为准',
  },
  'xml.encoding-beyond-declared': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '声明为 {declared}，但在字节偏移 {offset} 处出现该字符集以外的字符（GBK/GB18030 扩展）',
  },
  'xml.invalid-utf8': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '不是有效的 UTF-8：字节偏移 {offset} 处的字节序列无效',
  },
  'xml.invalid-bytes': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '不是有效的 {encoding} 编码：字节偏移 {offset} 处的字节序列无效',
  },
  'xml.invalid-char': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'XML 中不允许的字符 {codePoint}（共 {count} 处，此为第一处）',
  },

  // ── Well-formedness (XML 1.0) ──
  'xml.malformed': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': 'XML 格式错误：{detail}',
  },
  'xml.unexpected-end': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件意外结束（可能被截断）：第 {openLine} 行开始的元素 <{name}> 未闭合',
  },
  'xml.mismatched-tag': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '结束标记 </{received}> 与第 {openLine} 行的开始标记 <{expected}> 不匹配',
  },
  'xml.no-root': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件中没有根元素',
  },
  'xml.multiple-roots': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '根元素之后又出现元素 <{name}>：XML 只能有一个根元素',
  },
  'xml.content-outside-root': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '根元素之外出现了文本内容',
  },
  'xml.entity-undefined': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '未定义的实体引用 &{name};（只允许 &lt; &gt; &amp; &quot; &apos; 和字符引用）',
  },
  'xml.reference-invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '无效的引用或未转义的“&”：{text}',
  },
  'xml.name-reserved': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '名称“{name}”被拒绝：可能导致原型污染',
  },

  // ── Hardening ──
  'xml.doctype-forbidden': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '拒绝处理：DOCTYPE 中声明了实体（{entities}），可能是 XXE 或“十亿笑”攻击；实体从不展开',
  },
  'xml.xinclude': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '含 XInclude 元素“{name}”（href="{href}"）：dangan 不处理，但启用 XInclude 的下游工具（如 libxml2）会把该文件内容并入本文件；移交信息包不应使用',
  },
  'xml.doctype-ignored': {
    aspect: 'security',
    severity: 'warning',
    'zh-CN': 'DOCTYPE 声明被忽略：不加载外部 DTD，也不应用其中的声明',
  },
  'xml.limit-size': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '文件长度 {received} 个字符，超过上限 {limit}',
  },
  'xml.limit-depth': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '元素嵌套深度超过上限 {limit}',
  },
  'xml.limit-text': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '一段文本长 {received} 个字符，超过上限 {limit}',
  },
  'xml.limit-attributes': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '元素 <{name}> 有超过 {limit} 个属性',
  },
  'xml.limit-name': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '名称长度超过上限 {limit} 个字符',
  },
  'xml.limit-attribute-value': {
    aspect: 'security',
    severity: 'error',
    'zh-CN': '属性“{name}”的值超过上限 {limit} 个字符',
  },
  'xml.duplicate-attribute': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '元素 <{name}> 的属性“{attribute}”重复',
  },
} as const satisfies IssueTable;

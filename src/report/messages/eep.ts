import type { IssueTable } from '../definition.js';

/** Issue codes of EEP (DA/T 48-2009) validation and writing. */
export const eepIssues = {
  'eep.root.invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '根元素应为“电子文件封装包”，实为“{element}”',
  },
  'eep.namespace.invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '元素“{element}”的命名空间应为 {expected}，实为 {received}',
  },
  'eep.element.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{parent}”缺少必备元素“{element}”（DA/T 48-2009 附录A）',
  },
  'eep.element.repeated': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '“{parent}”中的“{element}”出现 {count} 次，最多 {max} 次',
  },
  'eep.element.unexpected': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '“{parent}”中出现标准未定义的元素“{element}”',
  },
  'eep.element.order': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '“{parent}”中的“{element}”不在标准规定的顺序位置',
  },
  'eep.metadata.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{parent}”缺少必选元数据“{element}”（{source}）',
  },
  'eep.metadata.empty': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '必选元素“{element}”（{source}）为空',
  },
  'eep.value.type': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '“{element}”的值“{value}”不是有效的 {type}',
  },
  'eep.value.domain': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '“{element}”的值“{value}”不在值域内（{source}）',
  },
  'eep.value.inconsistent': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '年度“{year}”与日期“{date}”的年份不一致',
  },
  'eep.version.mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '版本“{version}”与被签名对象的 eep版本“{attribute}”应同为 2009',
  },
  'eep.format-description.mismatch': {
    aspect: 'authenticity',
    severity: 'warning',
    'zh-CN': '封装包格式描述与 DA/T 48-2009 规定的文字不同',
  },
  'eep.package-type.description-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '封装包类型描述与封装包类型“{type}”不一致',
  },
  'eep.package-type.content-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '封装包类型为“{type}”，应包含“{expected}”',
  },
  'eep.id.invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '标识符“{value}”不是有效的 xs:ID（NCName）',
  },
  'eep.id.duplicate': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '标识符“{value}”在封装包中重复出现',
  },
  'eep.idref.dangling': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{element}”引用的标识符“{value}”不存在',
  },
  'eep.agent.unknown': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '业务实体引用的机构人员标识符“{value}”没有对应的机构人员实体',
  },
  'eep.content.base64-invalid': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '“{file}”的编码数据不是有效的 Base64（第 {offset} 个字符）',
  },
  'eep.content.size-mismatch': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '“{file}”解码后为 {received} 字节，计算机文件大小记为 {expected} 字节',
  },
  'eep.content.decoding-key-mismatch': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '“{file}”的反编码关键字应为“{expected}”，实为“{received}”',
  },
  'eep.signature.lock-missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '电子签名块与锁定签名应同时出现，缺少“{element}”',
  },
  'eep.signature.invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '签名“{id}”验证失败：被签名内容或签名已被改动',
  },
  'eep.signature.algorithm-unknown': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '签名“{id}”的签名算法标识 {algorithm} 无法识别（{reason}），签名不能证明内容未被改动',
  },
  'eep.signature.certificate-unreadable': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '签名“{id}”的证书无法读取或与算法 {algorithm} 不符（{reason}），签名不能证明内容未被改动',
  },
  'eep.signature.weak-algorithm': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '签名“{id}”使用弱算法 {algorithm}（MD5 或 SHA-1 摘要可被伪造碰撞），不足以证明真实性',
  },
  'eep.signature.unverified': {
    aspect: 'authenticity',
    severity: 'info',
    'zh-CN': '签名“{id}”（算法 {algorithm}）未自动验证：{reason}；需人工核验',
  },
  'eep.unsigned': {
    aspect: 'authenticity',
    severity: 'info',
    'zh-CN': '封装包没有电子签名块和锁定签名（DA/T 48-2009 允许省略）：编码数据中不改变长度的改动（如一个 Base64 字符换成另一个）无法发现，需电子签名或信息包的固化信息（数字摘要）',
  },
  'eep.sign.unsigned-object': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '封装包中找不到可签名的“被签名对象”',
  },
  'eep.sign.already-signed': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '封装包已含电子签名块；请以修改型封装后再签名',
  },
} as const satisfies IssueTable;

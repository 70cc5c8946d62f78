/**
 * Fixed values of DA/T 48-2009 基于XML的电子文件封装规范 (EEP).
 *
 * @module
 */

/** The EEP target namespace (DA/T 48-2009 附录A, `targetNamespace`). */
export const EEP_NAMESPACE = 'http://www.saac.gov.cn/standards/ERM/encapsulation';

/** 版本 and `被签名对象/@eep版本`: `xs:gYear` fixed `2009` (DA/T 48-2009 附录A). */
export const EEP_VERSION = '2009';

/** 封装包格式描述 default text (DA/T 48-2009 附录A). */
export const EEP_FORMAT_DESCRIPTION =
  '本EEP根据中华人民共和国档案行业标准DA/T 48-2009《基于XML的电子文件封装规范》生成';

/** 封装包类型 values (DA/T 48-2009 附录A enumeration). */
export type EepPackageType = '原始型' | '修改型';

/**
 * 封装包类型描述: each 封装包类型 has its own fixed description
 * (DA/T 48-2009 附录A enumeration; standards-electronic.md §2.2).
 */
export const EEP_PACKAGE_TYPE_DESCRIPTIONS: Readonly<Record<EepPackageType, string>> = {
  原始型: '本封装包包含电子文件数据及其元数据，原始封装，未经修改',
  修改型: '本封装包包含电子文件数据及其元数据，系修改封装，在保留原封装包的基础上，添加了修改层',
};

/**
 * 编码描述 default text: the 编码数据 is the Base64 (IETF RFC 2045) of the file's
 * binary stream (DA/T 48-2009 附录A default; the standard's exact sentence was not
 * available, this wording follows its paraphrase in standards-electronic.md §2.4).
 */
export const EEP_ENCODING_DESCRIPTION =
  '本封装包中“编码数据”元素存储的是计算机文件二进制流的Base64编码，有关Base64编码规则参见IETF RFC 2045多用途邮件扩展（MIME）第一部分：互联网信息体格式。当提取和显现封装在编码数据元素中的计算机文件时，应对Base64编码进行反编码，并依据封装包中“反编码关键字”元素中记录的值还原计算机文件的扩展名';

/** 聚合层次 is fixed to `文件` in EEP (DA/T 48-2009 附录A; DA/T 46-2009 M1). */
export const EEP_AGGREGATION_LEVEL = '文件';

/** Signature algorithm OIDs for 签名算法标识 (DA/T 46-2009 M64; GM/T 0006-2012). */
export const SIGNATURE_ALGORITHM_OIDS = {
  /** sha1RSA, PKCS#1 (DA/T 46-2009 M64 value domain). */
  sha1WithRsa: '1.2.840.113549.1.1.5',
  /** sha256RSA, PKCS#1 (DA/T 46-2009 M64 value domain). */
  sha256WithRsa: '1.2.840.113549.1.1.11',
  /** sha512RSA, PKCS#1 (DA/T 46-2009 M64 value domain). */
  sha512WithRsa: '1.2.840.113549.1.1.13',
  /** SM2 with SM3 (GM/T 0006-2012, GB/T 33560-2017). */
  sm2WithSm3: '1.2.156.10197.1.501',
  /** RSA with SM3 (GM/T 0006-2012). */
  rsaWithSm3: '1.2.156.10197.1.504',
} as const;

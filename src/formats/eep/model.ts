/**
 * The item model EEP (DA/T 48-2009) is written from and read back into: the
 * DA/T 46-2009 文件实体 metadata of one record, its computer files, and the
 * 业务实体 / 机构人员实体 that describe who did what to it.
 *
 * Element names stay exactly as the standards spell them in the XML; the
 * fields here use the glossary's English names, with the Chinese element and
 * its DA/T 46 M-number in each comment. Value domains (密级, 保管期限, 文种 …)
 * are plain strings here so that a package read from the wild can be
 * represented; the validator checks them against their domains.
 *
 * @module
 */
import type { Activity } from '../../model/activity.js';
import type { Agent } from '../../model/agent.js';

/** 来源 (DA/T 46-2009 M2). */
export interface EepProvenance {
  /** 档案馆名称 (M3). */
  archiveName?: string;
  /** 档案馆代码 (M4). */
  archiveCode?: string;
  /** 全宗名称 (M5). */
  fondsName?: string;
  /** 立档单位名称 (M6), required. */
  creatingUnit: string;
}

/** 档号 (DA/T 46-2009 M8) and its parts M9–M20. */
export interface EepArchivalCode {
  /** The full 档号 string written as text beside the parts (the element is `mixed`). */
  code?: string;
  /** 全宗号 (M9). */
  fondsCode?: string;
  /** 目录号 (M10). */
  catalogueNumber?: string;
  /** 年度 (M11), `YYYY`, required. */
  year: string;
  /** 保管期限 (M12), required, e.g. `永久`, `定期30年`, `30年`. */
  retentionPeriod: string;
  /** 机构或问题 (M13). */
  organization?: string;
  /** 类别号 (M14). */
  classCode?: string;
  /** 室编案卷号 (M15). */
  agencyVolumeNumber?: string;
  /** 馆编案卷号 (M16). */
  archivesVolumeNumber?: string;
  /** 室编件号 (M17), positive integer; 室编件号 or 馆编件号 is required. */
  agencyItemNumber?: number;
  /** 馆编件号 (M18), positive integer. */
  archivesItemNumber?: number;
  /** 页号 (M20). */
  pageNumber?: string;
}

/** 主题词 (M26) with its thesaurus (`@主题词表名称`). */
export interface EepDescriptor {
  value: string;
  thesaurus?: string;
}

/** 内容描述 (DA/T 46-2009 M21) and its parts M22–M39. */
export interface EepContentDescription {
  /** 题名 (M22), required. */
  title: string;
  /** 并列题名 (M23). */
  parallelTitle?: string;
  /** 副题名 (M24). */
  alternativeTitle?: string;
  /** 说明题名文字 (M25). */
  otherTitleInformation?: string;
  /** 主题词 (M26), repeatable. */
  descriptors?: EepDescriptor[];
  /** 关键词 (M27). */
  keyword?: string;
  /** 人名 (M28). */
  personalName?: string;
  /** 摘要 (M29). */
  abstract?: string;
  /** 分类号 (M30). */
  classNumber?: string;
  /** 文件编号 (M31), the 文号. */
  documentNumber?: string;
  /** 责任者 (M32), required. */
  author: string;
  /** 日期 (M33), required, `YYYYMMDD`. */
  date: string;
  /** 文种 (M34). */
  documentType?: string;
  /** 紧急程度 (M35). */
  precedence?: string;
  /** 主送 (M36). */
  principalReceiver?: string;
  /** 抄送 (M37). */
  otherReceivers?: string;
  /** 密级 (M38), required. */
  securityClassification: string;
  /** 保密期限 (M39). */
  secrecyPeriod?: string;
}

/** 形式特征 (DA/T 46-2009 M40). */
export interface EepFormalCharacteristics {
  /** 文件组合类型 (M41): `单件` or `组合文件`. */
  aggregationType: string;
  /** 页数 (M43), positive integer. */
  pageCount?: number;
  /** 语种 (M44). */
  language?: string;
  /** 稿本 (M45). */
  manuscriptType?: string;
}

/** 存储位置 (DA/T 46-2009 M65). */
export interface EepStorageLocation {
  /** 当前位置 (M66). */
  currentLocation?: string;
  /** 脱机载体编号 (M67), one or more. */
  offlineMediumIds: [string, ...string[]];
  /** 脱机载体存址 (M68). */
  offlineMediumLocations?: string[];
  /** 缩微号 (M69). */
  microformId?: string;
}

/** One 授权 of 权限管理: 授权对象 (M72) and 授权行为 (M73). */
export interface EepAuthorization {
  agent: string;
  permission: string;
}

/** 权限管理 (DA/T 46-2009 M70). */
export interface EepRightsManagement {
  /** 知识产权说明 (M71). */
  intellectualPropertyStatement?: string;
  /** 授权 (M72 + M73). */
  authorizations?: EepAuthorization[];
  /** 控制标识 (M74): `开放`, `控制` … */
  controlIdentifier?: string;
}

/** 数字化属性 (DA/T 46-2009 M52). */
export interface EepDigitization {
  /** 数字化对象形态 (M53). */
  physicalCharacteristics?: string;
  /** 扫描分辨率 (M54). */
  scanningResolution: string;
  /** 扫描色彩模式 (M55): 黑白二值 / 灰度 / 彩色. */
  scanningColorModel: string;
  /** 图像压缩方案 (M56). */
  imageCompressionScheme?: string;
}

/** One 编码: one computer file (DA/T 48-2009 附录A). */
export interface EepEncoding {
  /** 计算机文件名 (M48). The extension gives 反编码关键字 `base64-<ext>`. */
  fileName: string;
  /** The file's bytes; 计算机文件大小 (M49) is their length. */
  content: Uint8Array;
  /** 格式信息 (M47). */
  formatInformation?: string;
  /** 文档创建程序 (M50). */
  creatingApplication?: string;
  /** 数字化属性 (M52) for digitised copies. */
  digitization?: EepDigitization;
}

/** One 文档数据: one 稿本 (or the 处理单) of a document, one or more files. */
export interface EepDocumentData {
  encodings: [EepEncoding, ...EepEncoding[]];
}

/** One 文档 of 文件数据 (DA/T 48-2009 附录A). */
export interface EepDocument {
  /** 文档序号 (M19). */
  sequence?: string;
  /** 文档主从声明: `主文档` or `附属文档`. */
  role?: string;
  /** 题名 of this document. */
  title?: string;
  /** 文档数据, one or more. */
  data: [EepDocumentData, ...EepDocumentData[]];
}

/** 文件实体 (DA/T 46-2009 M1–M75 as DA/T 48-2009 embeds them). 聚合层次 is fixed to 文件. */
export interface EepRecord {
  /** 来源 (M2). */
  provenance: EepProvenance;
  /** 电子文件号 (M7), required. */
  electronicRecordCode: string;
  /** 档号 (M8). */
  archivalCode: EepArchivalCode;
  /** 内容描述 (M21). */
  description: EepContentDescription;
  /** 形式特征 (M40). */
  formalCharacteristics: EepFormalCharacteristics;
  /** 存储位置 (M65). */
  storage: EepStorageLocation;
  /** 权限管理 (M70); the container is required, its children optional. */
  rights: EepRightsManagement;
  /** 信息系统描述 (M51), repeatable in EEP. */
  informationSystems?: string[];
  /** 附注 (M75), repeatable. */
  annotations?: string[];
  /** 文件数据: the documents and their files. */
  documents: [EepDocument, ...EepDocument[]];
}

/**
 * 业务实体 (DA/T 46-2009 M80–M84): the model's {@link Activity} with the keys
 * DA/T 48-2009 makes required — 业务标识符 (`activityId`), 机构人员标识符
 * (`agentId`, naming an {@link EepAgent}) and 文件标识符 (`recordId`).
 */
export type EepActivity = Activity & { activityId: string; agentId: string; recordId: string };

/**
 * 机构人员实体 (DA/T 46-2009 M76–M79): the model's {@link Agent} with
 * 机构人员标识符 (`agentId`) required, as DA/T 48-2009 makes it.
 */
export type EepAgent = Agent & { agentId: string };

/** The content of one package layer: the record, its business actions and agents. */
export interface EepContent {
  /** 文件实体块/文件实体. */
  record: EepRecord;
  /** 业务实体块: one or more 业务实体. */
  activities: [EepActivity, ...EepActivity[]];
  /** 机构人员实体块: one or more 机构人员实体. */
  agents: [EepAgent, ...EepAgent[]];
}

/** What {@link writeEep} writes and {@link readEep} reads back for a 原始型 package. */
export interface EepItem {
  /** 封装包创建时间, `xs:dateTime` (e.g. `2024-03-01T09:30:00`). */
  createdAt: string;
  /** 封装包创建单位. */
  creator: string;
  /** 封装内容. */
  content: EepContent;
}

/** One 电子签名 or the 锁定签名 (DA/T 46-2009 M57–M64 as DA/T 48 places them). */
export interface EepSignature {
  /** 签名标识符 (电子签名) or 被锁定签名标识符 (锁定签名). */
  id: string;
  /** 签名规则 (M58). */
  rule: string;
  /** 签名时间 (M59), `xs:dateTime`. */
  time?: string;
  /** 签名人 (M60). */
  signer?: string;
  /** 签名结果 (M61), the signature bytes. */
  value: Uint8Array;
  /** 证书块/证书 (M62), DER bytes, one or more. */
  certificates: [Uint8Array, ...Uint8Array[]];
  /** 证书引证 (M63). */
  certificateReference?: string;
  /** 签名算法标识 (M64), an OID. */
  algorithm: string;
}

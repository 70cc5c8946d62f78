/**
 * The one model of DA/T 46-2009 item metadata: the 文件实体 of DA/T 48-2009
 * 附录A (M1–M75) as written, read by the one walker `readItemMetadata` from a
 * per-item metadata XML (DA/T 93-2022 附录B) or from the 文件实体 an EEP wraps.
 * Every value is text as written (trimmed for validation), nothing is typed or
 * checked here, and a missing element is simply absent, so that the validator
 * can report it; where each element stood is in
 * {@link ItemMetadataReading.locations}. The typed view the writer and EEP use
 * (`Dat46ItemMetadata`, numbers and required fields) is derived from it by
 * `recordEntityView` (typedView.ts), never read on its own.
 *
 * @module
 */
import type { IssueLocation } from '../../report/issue.js';

/** 档号 (DA/T 46-2009 M8–M20): the code as written plus its parts. */
export interface ItemArchivalCode {
  /** The full code written as text inside 档号 (the element is `mixed`); absent when blank. */
  text?: string;
  /** 全宗号 M9. */ fondsCode?: string;
  /** 目录号 M10. */ catalogueNumber?: string;
  /** 年度 M11. */ year?: string;
  /** 保管期限 M12. */ retentionPeriod?: string;
  /** 机构或问题 M13. */ orgCode?: string;
  /** 类别号 M14. */ classCode?: string;
  /** 室编案卷号 M15. */ volumeNumber?: string;
  /** 馆编案卷号 M16. */ archivesVolumeNumber?: string;
  /** 室编件号 M17. */ itemNumber?: string;
  /** 馆编件号 M18. */ archivesItemNumber?: string;
  /** 页号 M20. */ pageNumber?: string;
}

/** One computer file of the item: a DA/T 46-2009 电子属性 (M46) block. */
export interface ComputerFile {
  /** 格式信息 M47. */ formatInfo?: string;
  /** 计算机文件名 M48: the content file's name inside the item folder. */ fileName?: string;
  /** 计算机文件大小 M49: bytes, as written. */ fileSize?: string;
  /** 文档创建程序 M50. */ creatingApplication?: string;
  /** 数字摘要 elements (固化信息, GB/T 18894-2016) with their 算法 attribute. */
  digests: { algorithm: string; value: string }[];
}

/** 数字化属性 (DA/T 46-2009 M52–M56) of one 编码, as written. */
export interface ItemDigitization {
  /** 数字化对象形态 M53. */ physicalCharacteristics?: string;
  /** 扫描分辨率 M54. */ scanningResolution?: string;
  /** 扫描色彩模式 M55. */ scanningColorModel?: string;
  /** 图像压缩方案 M56. */ imageCompressionScheme?: string;
}

/** One 编码 of 文件数据 (DA/T 48-2009 附录A), as written. */
export interface ItemEncoding {
  /** Index in {@link ItemMetadata.files} of the 编码's (first) 电子属性; absent when it has none. */
  file?: number;
  /** 数字化属性 (M52), when present. */
  digitization?: ItemDigitization;
  /** 编码数据 (DA/T 48-2009 §6.5, an EEP's Base64 content) as written, when present. */
  content?: string;
}

/** One 文档 of 文件数据 (DA/T 48-2009 附录A), as written. */
export interface ItemDocument {
  /** 文档序号. */ sequence?: string;
  /** 文档主从声明. */ role?: string;
  /** 题名 of the document. */ title?: string;
  /** Its 文档数据 (one per 稿本 or 处理单), each holding 编码 elements. */
  data: { encodings: ItemEncoding[] }[];
}

/** The content of one 文件实体 (DA/T 46-2009 M1–M75), as written. */
export interface ItemMetadata {
  /** 聚合层次 M1. */ aggregationLevel?: string;
  /** 来源 M2–M6. */
  provenance: {
    /** 档案馆名称 M3. */ archiveName?: string;
    /** 档案馆代码 M4. */ archiveCode?: string;
    /** 全宗名称 M5. */ fondsName?: string;
    /** 立档单位名称 M6. */ creatingUnit?: string;
  };
  /** 电子文件号 M7. */ recordId?: string;
  /** 档号 M8. */ archivalCode: ItemArchivalCode;
  /** 内容描述 M21–M39. */
  description: {
    /** 题名 M22. */ title?: string;
    /** 并列题名 M23. */ parallelTitle?: string;
    /** 副题名 M24. */ alternativeTitle?: string;
    /** 说明题名文字 M25. */ otherTitleInformation?: string;
    /** 主题词 M26 (repeatable). */ descriptors: string[];
    /** The 主题词表名称 attribute of each 主题词, at the same index; absent when no 主题词 has one. */ descriptorThesauri?: (string | undefined)[];
    /** 关键词 M27. */ keyword?: string;
    /** 人名 M28. */ personalName?: string;
    /** 摘要 M29. */ abstract?: string;
    /** 分类号 M30. */ classNumber?: string;
    /** 文件编号 (文号) M31. */ documentNumber?: string;
    /** 责任者 M32. */ author?: string;
    /** 日期 M33. */ date?: string;
    /** 文种 M34. */ documentType?: string;
    /** 紧急程度 M35. */ precedence?: string;
    /** 主送 M36. */ principalReceiver?: string;
    /** 抄送 M37. */ otherReceivers?: string;
    /** 密级 M38. */ securityClassification?: string;
    /** 保密期限 M39. */ secrecyPeriod?: string;
  };
  /** 形式特征 M40–M45. */
  form: {
    /** 文件组合类型 M41. */ aggregationType?: string;
    /** 件数 M42. */ itemCount?: string;
    /** 页数 M43. */ pageCount?: string;
    /** 语种 M44. */ language?: string;
    /** 稿本 M45. */ manuscriptType?: string;
  };
  /** 存储位置 M65–M69. */
  storage: {
    /** 当前位置 M66. */ currentLocation?: string;
    /** 脱机载体编号 M67 (repeatable). */ offlineMediumIds: string[];
    /** 脱机载体存址 M68 (repeatable). */ offlineMediumLocations: string[];
    /** 缩微号 M69. */ microformId?: string;
  };
  /** 权限管理 M70–M74. */
  rights: {
    /** 知识产权说明 M71. */ intellectualPropertyStatement?: string;
    /** 授权: 授权对象 M72 and 授权行为 M73. */ authorizations: { agent?: string; permission?: string }[];
    /** 控制标识 M74. */ controlIdentifier?: string;
  };
  /** 信息系统描述 M51 (repeatable). */ informationSystems: string[];
  /** Every 电子属性 block anywhere below 文件实体, in document order. */
  files: ComputerFile[];
  /** 文件数据/文档 (DA/T 48-2009 附录A), in order; empty when there is no 文件数据. */
  documents: ItemDocument[];
  /** 附注 M75 (repeatable). */
  notes: string[];
}

/** What the walker `readItemMetadata` gives: the model and where each element stood. */
export interface ItemMetadataReading {
  /** The metadata. */
  metadata: ItemMetadata;
  /**
   * Start-tag location of every element read, keyed by its path below 文件实体: `档号/年度`,
   * containers (`来源`, `文件数据` …), `权限管理/授权[0]`, `files[0]` (an 电子属性) and
   * `files[0]/计算机文件名`, `documents[0]`, `documents[0]/data[0]`, `documents[0]/data[0]/encodings[0]`
   * and its `/数字化属性` and `/编码数据` (indices 0-based).
   */
  locations: ReadonlyMap<string, IssueLocation>;
}

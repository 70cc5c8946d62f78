import type { CliCommand } from '../io.js';

/**
 * Every sub-command, loaded lazily so `dangan --version` starts fast.
 * One file per command in this folder.
 */
export const commands: Readonly<Record<string, { summary: string; load: () => Promise<CliCommand> }>> = {
  bag: { summary: '创建或校验 BagIt 包 / create or validate a BagIt bag', load: () => import('./bag.js').then((m) => m.bagCommand) },
  code: { summary: '档号解析、生成、校验与编号 / parse, format, check and number archival codes', load: () => import('./code.js').then((m) => m.codeCommand) },
  retention: { summary: '保管期限查询与到期鉴定 / retention lookup and appraisal due list', load: () => import('./retention.js').then((m) => m.retentionCommand) },
  classify: { summary: '按 DA/T 22-2015 分类、编号、装盒 / classify, number and box items (DA/T 22-2015)', load: () => import('./classify.js').then((m) => m.classifyCommand) },
  catalogue: { summary: '检查目录文件.XML / check a 目录文件.XML catalogue', load: () => import('./catalogue.js').then((m) => m.catalogueCommand) },
  build: { summary: '生成移交信息包 / build a DA/T 93 transfer package', load: () => import('./build.js').then((m) => m.buildCommand) },
  digitisation: { summary: '数字化成果验收（DA/T 31-2017）/ check a digitisation batch against its catalogue', load: () => import('./digitisation.js').then((m) => m.digitisationCommand) },
  report: { summary: '合并分片检测报告 / merge the shard reports of validate --shard', load: () => import('./report.js').then((m) => m.reportCommand) },
  validate: { summary: '检测移交信息包、EEP 或 BagIt 包（四性检测）/ validate a transfer package, EEP or BagIt bag', load: () => import('./validate.js').then((m) => m.validateCommand) },
};

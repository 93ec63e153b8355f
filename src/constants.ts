/** Names of the action's inputs, outputs and saved state. action.yml is tested against these. */

export const Inputs = {
  Mode: 'mode',
  GitHubToken: 'github-token',
  JobCheckRunId: 'job-check-run-id',
  Environment: 'environment',
  Sha: 'sha',
  Config: 'config',
  DryRun: 'dry-run',
  HealthUrls: 'health-urls',
  PrometheusUrl: 'prometheus-url',
  PrometheusToken: 'prometheus-token',
  PrometheusUsername: 'prometheus-username',
  PrometheusPassword: 'prometheus-password',
  PrometheusHeaders: 'prometheus-headers',
  HostSelector: 'host-selector',
  GpuSelector: 'gpu-selector',
  CpuMax: 'cpu-max',
  MemoryMax: 'memory-max',
  DiskMax: 'disk-max',
  VramMax: 'vram-max',
  AlertSelector: 'alert-selector',
  KvCacheMax: 'kv-cache-max',
  VllmSelector: 'vllm-selector',
  StartupTimeout: 'startup-timeout',
  Warmup: 'warmup',
  Duration: 'duration',
  Interval: 'interval',
  MaxConsecutiveFailures: 'max-consecutive-failures',
  MaxFailures: 'max-failures',
  MaxConsecutiveErrors: 'max-consecutive-errors',
  OnNoData: 'on-no-data',
  FailOnInconclusive: 'fail-on-inconclusive',
  Record: 'record',
  EnvironmentUrl: 'environment-url',
  CheckName: 'check-name',
  ReportArtifact: 'report-artifact',
  ReportRetentionDays: 'report-retention-days',
  RollbackWorkflow: 'rollback-workflow',
  DeployWorkflow: 'deploy-workflow',
  DeployJob: 'deploy-job',
  ArtifactNames: 'artifact-names',
  ArtifactRetentionDays: 'artifact-retention-days',
  RetentionMargin: 'retention-margin',
  Target: 'target',
  Branch: 'branch',
  RedeployInput: 'redeploy-input',
  Wait: 'wait',
  WaitTimeout: 'wait-timeout',
} as const

export const Outputs = {
  Verdict: 'verdict',
  FailedChecks: 'failed-checks',
  ReportPath: 'report-path',
  DeploymentId: 'deployment-id',
  CheckRunId: 'check-run-id',
  TargetRunId: 'target-run-id',
  TargetSha: 'target-sha',
  RerunScope: 'rerun-scope',
  RerunUrl: 'rerun-url',
  RerunConclusion: 'rerun-conclusion',
} as const

/** Keys saved with core.saveState for the post step. */
export const State = {
  IsPost: 'isPost',
  DeploymentId: 'deploymentId',
  FinalStatusWritten: 'finalStatusWritten',
  CheckRunId: 'checkRunId',
  CheckRunCompleted: 'checkRunCompleted',
} as const

export type InputName = (typeof Inputs)[keyof typeof Inputs]

export const Modes = ['gate', 'rollback', 'validate'] as const
export type Mode = (typeof Modes)[number]

/** Defaults applied in code (SPEC §1): action.yml declares a default only for github-token and job-check-run-id. */
export const Defaults = {
  environment: 'production',
  cpuMax: 80,
  memoryMax: 80,
  diskMax: 85,
  vramMax: 95,
  startupTimeout: '2m',
  warmup: '0s',
  duration: '1m',
  interval: '10s',
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
  prometheusTimeout: '10s',
  httpTimeout: '10s',
  reportArtifact: 'deploy-gate-report',
  reportRetentionDays: 30,
  deployJob: 'deploy',
  artifactRetentionDays: 7,
  retentionMargin: '30m',
  waitTimeout: '30m',
} as const

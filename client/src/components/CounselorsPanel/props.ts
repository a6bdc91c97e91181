export interface CounselorsPanelProps {
  /** The district's schools (deployments) a caseload can cover. */
  schools: Array<{ deploymentId: string; name: string }>;
}

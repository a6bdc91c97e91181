export type ChildPlanProps = {
  /** The child's tool user id (from the parent's mentee list). */
  studentId: string;
};

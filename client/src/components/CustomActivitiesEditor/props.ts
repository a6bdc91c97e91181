export type CustomActivitiesEditorProps = {
  /** Level of the section heading ("Custom ECAP activities"); its sub-headings are one level below. */
  headingLevel?: 'h2' | 'h3';
};

export type ActivityScreenProps = {
  /** The placed activity to show (from the hash route `#/activity/<placementId>`). */
  placementId: string;
  /** Moves focus to the activity's heading once it is loaded (after an in-app navigation, not on launch). */
  focusOnLoad: boolean;
};

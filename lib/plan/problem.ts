/** A problem with one field of a row, worded for the person who can fix it. */
export interface Problem {
  field: string;
  message: string;
}

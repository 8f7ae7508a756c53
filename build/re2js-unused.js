// Build-time stand-in for the `re2js` package. Firestore 12 imports it only to evaluate regex
// functions of its Pipelines API (like, regexContains, regexMatch), which this widget never
// calls; bundling the real engine would add about 45 KB gzip to every page. If a Pipelines
// regex ever ran, Firestore catches this error and logs a warning.
export class RE2JS {
  static compile() {
    throw new Error('leave-a-reply does not bundle re2js (Firestore Pipelines regex functions)');
  }
}

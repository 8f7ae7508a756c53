// Minifies the CSS inside Lit's css`…` templates at build time. The JavaScript minifier keeps a
// template's text as written, so the widget's styles shipped with their comments and indentation
// (several KB of every first render). Only templates without `${…}` are touched, and only in ways
// that cannot change what the CSS means: comments go, runs of whitespace become one space, and
// spaces next to { } ; , and after a declaration's colon go (never a space before a colon: in a
// selector, `a :hover` and `a:hover` differ; nor around + and -, which calc() needs).

/** The minified text of one stylesheet. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

const TEMPLATE = /\bcss`([^`$\\]*)`/g;

/** The Vite plugin: source files under src/ (after TypeScript is stripped; the literals are intact). */
export function minifyCssLiterals() {
  return {
    name: 'lar-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      // The template's line breaks move after it, outside the string (where the JavaScript
      // minifier drops them), so the code below keeps its lines and the source map stays true.
      const out = code.replace(TEMPLATE, (_, text) => `css\`${minifyCss(text)}\`${text.replace(/[^\n]/g, '')}`);
      return out === code ? null : {code: out, map: null};
    },
  };
}

/**
 * A progress bar on the terminal (stderr, so an export's JSON on stdout stays clean); nothing when
 * stderr is a file or a pipe, where a bar would be noise in a log.
 */
export interface Progress {
  advance(by: number): void;
  done(): void;
}

const WIDTH = 30;
const number = new Intl.NumberFormat('en');

export function progressBar(total: number, unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return {advance() {}, done() {}};
  let current = 0;
  let drawnAt = 0;
  const draw = () => {
    // A redraw a few times a second is enough to see it move.
    if (Date.now() - drawnAt < 100 && current < total) return;
    drawnAt = Date.now();
    const filled = total ? Math.round((current / total) * WIDTH) : WIDTH;
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    stream.write(`\r${bar} ${number.format(current)} / ${number.format(total)} ${unit}`);
  };
  draw();
  return {
    advance(by) {
      current = Math.min(total, current + by);
      draw();
    },
    done() {
      stream.write('\n');
    },
  };
}

export const formatNumber = (n: number) => number.format(n);

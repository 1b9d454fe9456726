/**
 * Tells which of a set of source files were saved, once a burst of events settles (an editor's
 * save is often several). Node's fs.watch on each folder holding them reports a save at once;
 * esbuild's own watch mode polls a random subset of files per scan instead.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';

export class SourceWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private files: ReadonlySet<string> = new Set();
  private readonly saved = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onSaved: (files: string[]) => void,
    private readonly settleMs = 60,
  ) {}

  /** Watches exactly these files from now on. */
  watch(files: ReadonlySet<string>): void {
    this.files = files;
    const folders = new Set([...files].map((file) => dirname(file)));
    for (const [folder, watcher] of this.watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      const watcher = watch(folder, (_event, name) => name && this.seen(join(folder, name.toString())));
      // A folder removed under the watch: its files come back through the next build's list.
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(folder);
      });
      this.watchers.set(folder, watcher);
    }
  }

  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private seen(file: string): void {
    if (!this.files.has(file)) return;
    this.saved.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const files = [...this.saved];
      this.saved.clear();
      this.onSaved(files);
    }, this.settleMs);
  }
}

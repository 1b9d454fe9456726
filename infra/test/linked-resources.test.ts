/**
 * sst-env.d.ts is kept by hand (there is no `sst dev` without AWS): the resources functions link
 * in the SST program and the `Resource` entries declared there must be the same, property for
 * property, so `Resource.<name>` type-checks exactly when it exists at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  programRunTimeoutMs,
  repositoryRoot,
  runSstProgram,
  type ProgramRun,
} from './support/sst-program.ts';

/** `Resource` members declared in sst-env.d.ts: resource name -> property names. */
function declaredResources(): Map<string, string[]> {
  const file = join(repositoryRoot, 'sst-env.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const declared = new Map<string, string[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Resource') {
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) continue;
        const properties = member.type.members
          .filter(ts.isPropertySignature)
          .map((property) => property.name.getText(source).replace(/['"]/g, ''));
        declared.set(member.name.getText(source).replace(/['"]/g, ''), properties.sort());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return declared;
}

/** Links the functions carry (what `Runtime.Build` receives): resource name -> property names. */
function linkedResources(run: ProgramRun): Map<string, string[]> {
  const linked = new Map<string, string[]>();
  for (const build of run.builds) {
    for (const [name, properties] of Object.entries(build.links))
      linked.set(name, Object.keys(properties).sort());
  }
  return linked;
}

let run: ProgramRun;

beforeAll(async () => {
  run = await runSstProgram();
}, programRunTimeoutMs);

describe('sst-env.d.ts', () => {
  it('declares exactly the resources the functions link', () => {
    const linked = [...linkedResources(run).keys()].sort();
    expect(linked.length).toBeGreaterThan(0);
    expect([...declaredResources().keys()].sort()).toEqual(linked);
  });

  it('declares each linked resource with the properties SST passes to the function', () => {
    const declared = declaredResources();
    for (const [name, properties] of linkedResources(run)) {
      expect(declared.get(name), name).toEqual(properties);
    }
  });
});

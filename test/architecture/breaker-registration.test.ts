import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spawn';

// Breakers are registered in one place (health/service-roster.ts): the engine, stage availability and
// the API only read the board they are given. The calls are found by type, not by name, so a board held
// under another name (`this.board`, `deps.b`) counts as well.
const srcDir = path.join(repoRoot, 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [file] : [];
  });
}

/** `file:line` of every `.register(…)` call on a BreakerBoard in `files` (its own methods excluded). */
function boardRegistrations(files: string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(repoRoot, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const program = ts.createProgram(files, { ...config!.options, noEmit: true });
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'register' &&
        node.expression.expression.kind !== ts.SyntaxKind.ThisKeyword
      ) {
        const receiver = checker.getTypeAtLocation(node.expression.expression).getNonNullableType();
        if (receiver.getSymbol()?.getName() === 'BreakerBoard') {
          const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push(`${path.relative(repoRoot, file)}:${line}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

describe('breaker registration', () => {
  it('registers breakers on the board from one source file only: the service roster', () => {
    const calls = boardRegistrations(sources(srcDir));
    const files = [...new Set(calls.map((c) => c.replace(/:\d+$/, '')))];
    expect(calls.length).toBeGreaterThan(0); // the finder still finds them
    expect(files).toEqual(['src/main/health/service-roster.ts']);
  });
});

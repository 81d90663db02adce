import { gaps, multiTrackCompanies } from '../../analyses/index.ts';
import { slug } from '../../text/index.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { writeJson } from '../json-value.ts';
import { DATA_OPTIONS, LEAN, loadAtlas } from '../load-atlas.ts';
import { reportInputProblems } from '../report-diagnostics.ts';

export const command: Command = {
  name: 'gaps',
  summary: 'lint the ladders: placeholders, empty/truncated cells, missing levels and competencies, near-duplicates',
  usage: 'ladders gaps [company] [--json] [--data DIR]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json'], [...DATA_OPTIONS]);
    if (parsed.positional.length > 1) throw new UsageError('give at most one company');
    const company = parsed.positional[0];
    const input = await loadAtlas({ ...parsed, positional: [] }, LEAN);
    const { analysis, statements, scaleCues, taxonomy } = input;
    if (company && !analysis.levels.some((p) => p.company.toLowerCase() === company.toLowerCase() || p.companyName.toLowerCase() === company.toLowerCase())) {
      throw new UsageError(`no company "${company}" (have ${[...new Set(analysis.levels.map((p) => p.company))].join(', ')})`);
    }
    const findings = company
      ? gaps(statements, analysis.levels, { competencies: analysis.competencies, capNotes: analysis.capNotes, coverage: analysis.coverage, scaleCues, taxonomy, company })
      : analysis.gaps;
    if (parsed.flags.json) writeJson(io, findings);
    else {
      const multi = multiTrackCompanies(analysis.levels);
      for (const f of findings) {
        io.out(`${f.severity.toUpperCase().padEnd(6)} ${f.company}${multi.has(f.company) ? `:${slug(f.track)}` : ''}${f.level ? ` ${f.level}` : ''}${f.competency ? ` [${f.competency}]` : ''} ${f.type}: ${f.suggestion}`);
        if (f.statementIds.length) io.out(`       statements: ${f.statementIds.join(' ')}`);
        for (const p of f.peers ?? []) io.out(`       e.g. ${p.company} ${p.level}: "${p.text}"`);
      }
      const by = (s: string) => findings.filter((f) => f.severity === s).length;
      io.out(`\n${findings.length} findings: ${by('high')} high, ${by('medium')} medium, ${by('low')} low, ${by('info')} info`);
    }
    return reportInputProblems(input.set.diagnostics, io);
  },
};

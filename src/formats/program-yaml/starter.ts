/**
 * The file `throughline init` writes: small, valid, and a tour of the format in comments.
 * `schemaPath`, when given, feeds editors the JSON Schema for completion.
 */
export function starterProgramYaml(options: { id: string; start: string; schemaPath?: string }): string {
  const modeline = options.schemaPath ? `# yaml-language-server: $schema=${options.schemaPath}\n` : '';
  return `${modeline}# A Throughline program. Reference: docs/program-file.md
# Check it with: throughline validate <this file>
throughline: 1

program:
  id: ${options.id}
  name: My cross-team program
  goal: Say in one sentence what is true when the program is done.
  sponsor: Who funds it and decides when teams disagree
  start: ${options.start}
  target: ${addMonths(options.start, 6)}
  calendar:
    timezone: UTC
    workdays: [mon, tue, wed, thu, fri]
    hours: ["09:00-17:00"]
    holidays: []

teams:
  - id: platform
    name: Platform
    capacity: 4          # people who can work on this program at once
    wipLimit: 4
  - id: app
    name: Application
    capacity: 3

workstreams:
  - id: foundation
    name: Foundation

items:
  - id: plat-1
    title: Provision the new environment
    team: platform
    workstream: foundation
    estimate: { optimistic: 5, likely: 8, pessimistic: 15 }   # working days
  - id: app-1
    title: Deploy the application to the new environment
    team: app
    workstream: foundation
    estimate: 5
    dependsOn:
      # A cross-team dependency is an agreement: requested → accepted → at-risk → broken.
      - { item: plat-1, type: FS, state: requested }

milestones:
  - id: m-live
    title: Application live in the new environment
    target: ${addMonths(options.start, 2)}
    stakeholders: [Sponsor]
    dependsOn: [app-1]
`;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

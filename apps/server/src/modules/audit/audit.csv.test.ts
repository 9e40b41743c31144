import { AUDIT_CSV_COLUMNS } from '@portico/contracts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type AuditCsvSource, auditCsvFilename, auditCsvValues, CSV_HEADER, csvRecords } from './audit.csv.js';

const field = (value: string | null) => csvRecords([[value]]).replace(/\r\n$/, '');

const EVENT: AuditCsvSource = {
  id: 'aud_1',
  occurredAt: '2026-11-22T10:00:00.000Z',
  action: 'account.renamed',
  actor: { id: 'usr_1', name: '=cmd|calc', email: 'ada@example.com' },
  actorIp: '127.0.0.1',
  target: { type: 'user', id: 'usr_1', name: '@SUM(1+1)', detail: 'ada@example.com' },
  itemCount: null,
  organizationId: null,
  organizationName: null,
  beforeJson: '{"name":"Ada, \\"the\\" first"}',
  afterJson: null,
};

describe('csv fields', () => {
  it('leaves plain text alone and writes null as an empty field', () => {
    expect(field('member.removed')).toBe('member.removed');
    expect(field(null)).toBe('');
    expect(field('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(field('a,b')).toBe('"a,b"');
    expect(field('say "hi"')).toBe('"say ""hi"""');
    expect(field('two\nlines')).toBe('"two\nlines"');
    expect(field('cr\r')).toBe('"cr\r"');
  });

  it('neutralizes cells a spreadsheet would run as formulas, as the hand-written writer did', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(field(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(field('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(field('\rx')).toBe(`"'\rx"`);
    // Full-width forms that some spreadsheets also read as formula starts.
    expect(field('＝1+1')).toBe(`'＝1+1`);
    // Only the first character matters.
    expect(field('a=b')).toBe('a=b');
  });
});

describe('auditCsvValues', () => {
  it('writes every column in header order and reads back through a CSV parser', () => {
    const text = CSV_HEADER + csvRecords([auditCsvValues(EVENT)]);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, row] = parse(text, { bom: true, relax_column_count: false }) as string[][];
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(row).toEqual([
      'aud_1',
      '2026-11-22T10:00:00.000Z',
      'account.renamed',
      'usr_1',
      "'=cmd|calc",
      'ada@example.com',
      '127.0.0.1',
      'user',
      'usr_1',
      "'@SUM(1+1)",
      'ada@example.com',
      '',
      '',
      '',
      '{"name":"Ada, \\"the\\" first"}',
      '',
    ]);
  });

  it('names the system as the actor when nobody is, and gives a bulk event its count', () => {
    const values = auditCsvValues({
      ...EVENT,
      actor: null,
      target: { type: 'invitation', id: null, name: null, detail: null },
      itemCount: 48,
    });
    const column = (name: (typeof AUDIT_CSV_COLUMNS)[number]) => values[AUDIT_CSV_COLUMNS.indexOf(name)];
    expect([column('actor_id'), column('actor_name'), column('actor_email')]).toEqual([null, 'System', null]);
    expect(column('item_count')).toBe(48);
    expect(csvRecords([values])).toContain(',48,');
  });

  it('starts the file with a byte order mark and ends each record with CRLF', () => {
    expect(CSV_HEADER.startsWith('\ufeffid,occurred_at,action,')).toBe(true);
    expect(csvRecords([['a', 'b']])).toBe('a,b\r\n');
  });
});

describe('auditCsvFilename', () => {
  it('names the scope and the day, with nothing a header could be broken by', () => {
    expect(auditCsvFilename('acme-eu', new Date('2026-11-22T23:59:00Z'))).toBe('audit-acme-eu-2026-11-22.csv');
    expect(auditCsvFilename('a"b\r\nc', new Date('2026-01-02T00:00:00Z'))).toBe('audit-a-b--c-2026-01-02.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv } from '../assets/csv.js';
import { auditCsvFilename, auditCsvRecord, CSV_HEADER, csvField, csvRecord } from './audit.csv.js';

describe('csvField', () => {
  it('leaves plain text alone and writes null as an empty field', () => {
    expect(csvField('member.removed')).toBe('member.removed');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    // Only the first character matters.
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('auditCsvRecord', () => {
  it('writes every column in header order and reads back through a CSV parser', () => {
    const record = auditCsvRecord({
      id: 'aud_1',
      occurredAt: '2026-11-22T10:00:00.000Z',
      action: 'account.renamed',
      actor: { id: 'usr_1', name: '=cmd|calc', email: 'ada@example.com' },
      actorIp: '127.0.0.1',
      targetType: 'user',
      targetId: 'usr_1',
      organizationId: null,
      organizationName: null,
      beforeJson: '{"name":"Ada, \\"the\\" first"}',
      afterJson: null,
    });
    expect(record.endsWith('\r\n')).toBe(true);
    const [header, row] = parseCsv(CSV_HEADER + record);
    expect(header?.fields).toHaveLength(13);
    expect(header?.fields[0]).toBe('id');
    expect(row?.fields).toEqual([
      'aud_1',
      '2026-11-22T10:00:00.000Z',
      'account.renamed',
      'usr_1',
      "'=cmd|calc",
      'ada@example.com',
      '127.0.0.1',
      'user',
      'usr_1',
      '',
      '',
      '{"name":"Ada, \\"the\\" first"}',
      '',
    ]);
  });

  it('starts the file with a byte order mark and ends each record with CRLF', () => {
    expect(CSV_HEADER.startsWith('\ufeffid,occurred_at,action,')).toBe(true);
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
  });
});

describe('auditCsvFilename', () => {
  it('names the scope and the day, with nothing a header could be broken by', () => {
    expect(auditCsvFilename('acme-eu', new Date('2026-11-22T23:59:00Z'))).toBe('audit-acme-eu-2026-11-22.csv');
    expect(auditCsvFilename('a"b\r\nc', new Date('2026-01-02T00:00:00Z'))).toBe('audit-a-b--c-2026-01-02.csv');
  });
});

import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('splits records and fields, numbering records by the line they start on', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads CRLF, LF, a missing final line break and a byte order mark alike', () => {
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ];
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual(expected);
    expect(parseCsv('\uFEFFa,b\n1,2')).toEqual(expected);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and counts those lines', () => {
    const records = parseCsv('name,note\n"Acme, Inc.","say ""hi"""\n"two\r\nlines",x\nlast,y\n');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Acme, Inc.', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'x'] },
      { line: 5, fields: ['last', 'y'] },
    ]);
  });

  it('keeps empty fields, and leaves out blank lines and rows of empty fields', () => {
    expect(parseCsv('a,,c\n\n,,\n"",\nx,"",\n\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 5, fields: ['x', '', ''] },
    ]);
  });

  it('trims spaces around fields and keeps a stray quote inside a field', () => {
    expect(parseCsv('a,  "b,c" ,d"e\n')).toEqual([{ line: 1, fields: ['a', 'b,c', 'd"e'] }]);
  });

  it('counts lines of multi-byte text right', () => {
    expect(parseCsv('name\nZürich\n"Åre\nÖrebro"\nKraków\n')).toEqual([
      { line: 1, fields: ['name'] },
      { line: 2, fields: ['Zürich'] },
      { line: 3, fields: ['Åre\nÖrebro'] },
      { line: 5, fields: ['Kraków'] },
    ]);
  });

  it('names the line of a quoted field that is never closed', () => {
    const error = (() => {
      try {
        parseCsv('a,b\n1,2\n3,"open\nmore\n');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 3, message: 'line 3: a quoted field is not closed' });
  });

  it('names the line of text after a closing quote', () => {
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/^line 2: text follows the closing quote of a field$/);
  });

  it('answers nothing for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });
});

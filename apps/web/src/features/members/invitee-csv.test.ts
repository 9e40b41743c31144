import { describe, expect, it } from 'vitest';
import { INVITEE_CSV_TEMPLATE, readInviteeCsv } from './invitee-csv';

describe('reading an invitee CSV file', () => {
  it('reads email,first_name,last_name with quotes, a byte-order mark and CRLF line ends', () => {
    const csv = '\uFEFFemail,first_name,last_name\r\n"pat@example.com","Pat","Lee"\r\nSam@Example.com,Sam,\r\n';
    expect(readInviteeCsv(csv)).toEqual({
      invitees: [
        { email: 'pat@example.com', firstName: 'Pat', lastName: 'Lee' },
        { email: 'sam@example.com', firstName: 'Sam' },
      ],
      refused: [],
      withHeader: true,
    });
  });

  it('refuses rows with their line numbers: an invalid address, none at all, a repeat, a name too long', () => {
    const csv = [
      'email,first_name,last_name', // line 1
      'ann@example.com,Ann,Lee', // 2
      'bob@,Bob,', // 3
      '', // 4: blank, skipped
      ',Nobody,Here', // 5
      'ANN@example.com,Ann,Again', // 6
      `kim@example.com,${'K'.repeat(101)},`, // 7
      'lou@example.com,Lou,Reed', // 8
    ].join('\n');
    const { invitees, refused } = readInviteeCsv(csv);
    expect(invitees.map((i) => i.email)).toEqual(['ann@example.com', 'lou@example.com']);
    expect(refused).toEqual([
      { line: 3, reason: '“bob@” is not a valid email address' },
      { line: 5, reason: 'no email address' },
      { line: 6, reason: 'repeats the address of line 2' },
      { line: 7, reason: 'first_name is longer than 100 characters' },
    ]);
  });

  it('counts lines in the file, also after a quoted cell that holds a line break', () => {
    const csv = 'email,first_name,note\n"pat@example.com","Pat","two\nlines"\nnot-an-address,X,Y\n';
    const { invitees, refused } = readInviteeCsv(csv);
    expect(invitees).toEqual([{ email: 'pat@example.com', firstName: 'Pat' }]);
    // The refused row starts on the 4th line of the file, not the 3rd row.
    expect(refused).toEqual([{ line: 4, reason: '“not-an-address” is not a valid email address' }]);
  });

  it('reads the columns in any order and by other usual names, with semicolons, ignoring other columns', () => {
    const csv = 'Team;Last name;E-mail;First Name\nCAD;Lee;pat@example.com;Pat\n';
    expect(readInviteeCsv(csv).invitees).toEqual([{ email: 'pat@example.com', firstName: 'Pat', lastName: 'Lee' }]);
  });

  it('reads a plain list of addresses without a header, each cell one address', () => {
    const { invitees, refused, withHeader } = readInviteeCsv(
      'ann@example.com\n\nbob@example.com, carl@example.com\noops\n',
    );
    expect(withHeader).toBe(false);
    expect(invitees.map((i) => i.email)).toEqual(['ann@example.com', 'bob@example.com', 'carl@example.com']);
    expect(refused).toEqual([{ line: 4, reason: '“oops” is not a valid email address' }]);
  });

  it('refuses a name with a line break or another control character, as the server would', () => {
    expect(readInviteeCsv('email,first_name,last_name\nann@example.com,Ann,"Lee\nJr"\n').refused).toEqual([
      { line: 2, reason: 'last_name contains control characters' },
    ]);
  });

  it('reports a row whose quotes are not closed', () => {
    const { refused } = readInviteeCsv('email\nann@example.com\n"bob@example.com\n');
    expect(refused).toEqual([{ line: 3, reason: 'its quotes are not closed' }]);
  });

  it('reads its own template', () => {
    expect(readInviteeCsv(INVITEE_CSV_TEMPLATE)).toEqual({
      invitees: [
        { email: 'pat.lee@example.com', firstName: 'Pat', lastName: 'Lee' },
        { email: 'sam.diaz@example.com', firstName: 'Sam', lastName: 'Diaz' },
      ],
      refused: [],
      withHeader: true,
    });
  });
});

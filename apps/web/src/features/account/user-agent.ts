/**
 * A short, human name for a session's user agent ("Firefox on Windows"). A rough guess is enough: the full string
 * is shown on hover, and nothing depends on it being right.
 */
const browsers: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/Firefox\/(\d+)|FxiOS\/(\d+)/, 'Firefox'],
  [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
  [/Chrome\/(\d+)|CriOS\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  [/^curl\/(\d+)/, 'curl'],
  [/^node|undici/i, 'Node.js'],
];

const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux|X11/, 'Linux'],
];

export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = browsers.find(([pattern]) => pattern.test(userAgent));
  const system = systems.find(([pattern]) => pattern.test(userAgent));
  if (!browser && !system) return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
  const match = browser?.[0].exec(userAgent);
  const version = match?.slice(1).find(Boolean);
  const browserName = browser ? `${browser[1]}${version ? ` ${version}` : ''}` : 'Browser';
  return system ? `${browserName} on ${system[1]}` : browserName;
}

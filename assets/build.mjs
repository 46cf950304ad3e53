// Copies the parts of the npm packages the portal uses into static/dist/,
// where Django's staticfiles finder picks them up. Nothing here is committed.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const out = "static/dist";
const kern = "node_modules/@kern-ux/native/dist";
const fonts = "node_modules/@fontsource/fira-sans/files";
const arabicFonts = "node_modules/@fontsource/noto-sans-arabic/files";

// Only the weights the KERN stylesheet uses (400 body, 600 headings and labels)
// and only the scripts the portal's languages need; fonts.css maps them by unicode-range.
const weights = ["400", "600"];
const subsets = ["latin", "latin-ext", "cyrillic", "cyrillic-ext"];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "fonts"), { recursive: true });
cpSync(join(kern, "kern.min.css"), join(out, "kern.min.css"));
for (const subset of subsets) {
  for (const weight of weights) {
    const name = `fira-sans-${subset}-${weight}-normal.woff2`;
    cpSync(join(fonts, name), join(out, "fonts", name));
  }
}
// Fira Sans has no Arabic script: Noto Sans Arabic (Arabic and Persian letters and digits)
// sets it on right-to-left pages, same two weights, the Arabic subset only.
for (const weight of weights) {
  const name = `noto-sans-arabic-arabic-${weight}-normal.woff2`;
  cpSync(join(arabicFonts, name), join(out, "fonts", name));
}
console.log(`KERN assets written to ${out}/`);

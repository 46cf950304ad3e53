// The admin fills an address (slug) in from the title as it is typed; Django's URLify
// writes "a" for "ä". German addresses write "ae", "oe", "ue" and "ss", as the server does
// (portal.slugs.german_slugify).
"use strict";
{
  const GERMAN = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss", ẞ: "SS" };
  const urlify = window.URLify;
  window.URLify = (text, length, allowUnicode) =>
    urlify(text.replace(/[äöüÄÖÜßẞ]/g, (letter) => GERMAN[letter]), length, allowUnicode);
}

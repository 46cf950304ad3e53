// What the admin's widgets leave out, added once they are on the page (also in an inline
// added later, so new elements are watched for):
// - the prose editor writes its toolbar titles ("bold", "heading 2") in English without
//   asking gettext: they go through the admin's JavaScript catalogue (German in
//   locale_libraries/de/LC_MESSAGES/djangojs.po);
// - its editing area (role "textbox") has no name: it gets its field's label;
// - the selection widget's filter icons carry aria-label on a plain span, which ARIA does
//   not allow: they become images with that name;
// - the search field of an autocomplete chooser gets the chooser's label;
// - the date and time fields of a split date-time are introduced by bare text ("Datum:"):
//   the text becomes their label.
"use strict";
{
  const translated = (text) => {
    const heading = /^heading (\d)$/.exec(text);
    return heading ? interpolate(gettext("heading %s"), [heading[1]]) : gettext(text);
  };

  const labelOf = (id) => document.querySelector(`label[for="${CSS.escape(id)}"]`);

  const labelledBy = (element, label) => {
    if (!label.id) {
      label.id = `${label.htmlFor}_label`;
    }
    element.setAttribute("aria-labelledby", label.id);
  };

  const once = (selector) => document.querySelectorAll(`${selector}:not([data-admin-done])`);

  const done = (element) => {
    element.dataset.adminDone = "";
  };

  const complete = () => {
    if (typeof gettext === "function") {
      for (const button of once(".prose-menubar__button")) {
        for (const name of ["title", "aria-label"]) {
          const text = button.getAttribute(name);
          if (text) {
            button.setAttribute(name, translated(text));
          }
        }
        done(button);
      }
    }
    for (const area of once(".ProseMirror[role=textbox]")) {
      const source = area.closest(".prose-editor")?.querySelector("textarea");
      const label = source && labelOf(source.id);
      if (label) {
        labelledBy(area, label);
      }
      done(area);
    }
    for (const icon of once(".selector .help-tooltip[aria-label]")) {
      icon.setAttribute("role", "img");
      done(icon);
    }
    for (const search of once(".select2-search__field")) {
      const chooser = search.closest(".select2")?.previousElementSibling;
      const label = chooser && labelOf(chooser.id);
      if (label) {
        labelledBy(search, label);
      }
      done(search);
    }
    for (const input of once("p.datetime input[id]")) {
      const text = input.previousSibling;
      if (text?.nodeType === Node.TEXT_NODE && text.textContent.trim()) {
        const label = document.createElement("label");
        label.htmlFor = input.id;
        label.textContent = text.textContent.trim();
        text.replaceWith(" ", label, " ");
      }
      done(input);
    }
  };

  new MutationObserver(complete).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  complete();
}

/* The row editor of a procedure's lists (ways to submit, dossier components).

   The JSON text area is what the server reads; this script shows one group of
   labelled fields per entry instead and writes every change back into it.
   Without the script, or when the text is not valid JSON, the text area is
   shown as it is. The labels and texts come from the widget (data-dakto-rows),
   already translated. */
(function () {
  "use strict";

  function say(spec, name, index) {
    return spec.text[name].replace("{index}", String(index));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function parse(text) {
    text = text.trim();
    if (!text) { return []; }
    var value = JSON.parse(text);
    if (!Array.isArray(value)) { throw new Error("not a list"); }
    value.forEach(function (entry) {
      if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
        throw new Error("not an object");
      }
    });
    return value;
  }

  function setup(container) {
    if (container.hasAttribute("data-dakto-rows-ready")) { return; }
    var area = container.querySelector("textarea");
    if (!area) { return; }
    container.setAttribute("data-dakto-rows-ready", "");
    var spec = JSON.parse(container.getAttribute("data-dakto-rows"));

    var editor = element("div", "dakto-rows-editor");
    editor.setAttribute("role", "group");
    editor.setAttribute("aria-label", spec.title);
    var list = element("div", "dakto-rows-list");
    var none = element("p", "dakto-rows-none text-muted", spec.text.none);
    var add = element("button", "btn btn-outline-primary btn-sm dakto-rows-add", spec.text.add);
    add.type = "button";
    editor.appendChild(list);
    editor.appendChild(none);
    editor.appendChild(add);
    var notice = element("p", "dakto-rows-invalid text-danger");
    notice.setAttribute("role", "alert");
    notice.hidden = true;
    var toggle = element("button", "btn btn-link btn-sm dakto-rows-toggle");
    toggle.type = "button";
    container.insertBefore(editor, area);
    container.insertBefore(notice, area);
    container.appendChild(toggle);

    function control(column, value) {
      var input;
      if (column.type === "select") {
        input = element("select", "form-select");
        var empty = element("option", "", spec.text.choose);
        empty.value = "";
        input.appendChild(empty);
        column.options.forEach(function (pair) {
          var option = element("option", "", pair[1]);
          option.value = pair[0];
          input.appendChild(option);
        });
        if (value !== undefined && value !== null
            && !column.options.some(function (pair) { return pair[0] === value; })) {
          var unknown = element("option", "", String(value)); // kept for the server to name
          unknown.value = String(value);
          input.appendChild(unknown);
        }
      } else {
        input = element("input", "form-control");
        input.type = column.type === "number" ? "number" : "text";
        if (column.type === "number") {
          input.inputMode = "numeric";
          if (column.min !== null && column.min !== undefined) { input.min = column.min; }
          if (column.max !== null && column.max !== undefined) { input.max = column.max; }
        }
      }
      input.setAttribute("data-key", column.key);
      if (column.required) { input.setAttribute("aria-required", "true"); }
      input.value = value === undefined || value === null ? "" : String(value);
      return input;
    }

    function row(entry) {
      // A group with a title, not a fieldset with a legend: Plone's form tabs
      // (pat-autotoc) make a tab of every legend in the form.
      var group = element("div", "dakto-rows-entry border rounded p-2 mb-2");
      group.setAttribute("role", "group");
      group.appendChild(element("p", "dakto-rows-title fw-bold mb-2"));
      // Keys the editor does not show stay in the entry (the server names them).
      var rest = {};
      Object.keys(entry).forEach(function (key) {
        if (!spec.columns.some(function (c) { return c.key === key; })) { rest[key] = entry[key]; }
      });
      group.dataset.rest = JSON.stringify(rest);
      spec.columns.forEach(function (column) {
        var wrapper = element("div", "mb-2");
        wrapper.appendChild(element("label", "form-label", column.label));
        wrapper.appendChild(control(column, entry[column.key]));
        group.appendChild(wrapper);
      });
      var remove = element("button", "btn btn-outline-danger btn-sm dakto-rows-remove");
      remove.type = "button";
      group.appendChild(remove);
      return group;
    }

    function renumber() {
      var groups = list.querySelectorAll(".dakto-rows-entry");
      groups.forEach(function (group, position) {
        var index = position + 1;
        var title = group.querySelector(".dakto-rows-title");
        title.textContent = say(spec, "entry", index);
        title.id = area.id + "-" + index;
        group.setAttribute("aria-labelledby", title.id);
        group.querySelector(".dakto-rows-remove").textContent = say(spec, "remove", index);
        group.querySelectorAll("[data-key]").forEach(function (input) {
          input.id = area.id + "-" + index + "-" + input.getAttribute("data-key");
          input.parentNode.querySelector("label").htmlFor = input.id;
        });
      });
      none.hidden = groups.length > 0;
    }

    function write() {
      var entries = [];
      list.querySelectorAll(".dakto-rows-entry").forEach(function (group) {
        var entry = JSON.parse(group.dataset.rest || "{}");
        spec.columns.forEach(function (column) {
          var value = group.querySelector('[data-key="' + column.key + '"]').value;
          if (column.type === "number") {
            value = value.trim();
            if (value === "") { return; }
            var number = Number(value);
            entry[column.key] = Number.isInteger(number) ? number : value;
          } else if (value.trim() !== "") {
            entry[column.key] = value;
          }
        });
        entries.push(entry);
      });
      area.value = entries.length ? JSON.stringify(entries, null, 2) : "";
    }

    function showRows() {
      var entries;
      try {
        entries = parse(area.value);
      } catch (error) {
        notice.textContent = spec.text.invalid;
        notice.hidden = false;
        showJson();
        return false;
      }
      list.textContent = "";
      entries.forEach(function (entry) { list.appendChild(row(entry)); });
      renumber();
      notice.hidden = true;
      editor.hidden = false;
      area.hidden = true;
      toggle.textContent = spec.text.as_json;
      return true;
    }

    function showJson() {
      editor.hidden = true;
      area.hidden = false;
      toggle.textContent = spec.text.as_rows;
    }

    list.addEventListener("input", write);
    list.addEventListener("change", write);
    list.addEventListener("click", function (event) {
      var remove = event.target.closest(".dakto-rows-remove");
      if (!remove) { return; }
      var group = remove.closest(".dakto-rows-entry");
      var next = group.nextElementSibling || group.previousElementSibling;
      group.remove();
      renumber();
      write();
      (next ? next.querySelector("[data-key]") : add).focus();
    });
    add.addEventListener("click", function () {
      var group = row({});
      list.appendChild(group);
      renumber();
      write();
      group.querySelector("[data-key]").focus();
    });
    toggle.addEventListener("click", function () {
      if (editor.hidden) {
        if (showRows()) { (list.querySelector("[data-key]") || add).focus(); }
      } else {
        showJson();
        area.focus();
      }
    });
    showRows();
  }

  function start() {
    document.querySelectorAll(".dakto-rows[data-dakto-rows]").forEach(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

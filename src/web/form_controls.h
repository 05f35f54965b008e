// The form-control model of the larger forms (the listing editor, postings and profiles): text
// boxes, text areas, selects, checkboxes and radio buttons in groups, with their hints and
// errors, and how they fill the groups and error summary of listing_form.tpl and
// posting_fields.tpl. Thread-safety: plain values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ctemplate {
class TemplateDictionary;
}

namespace knooppunt::web {

// One choice of a select or of a group of radio buttons.
struct Option {
  std::string value;
  std::string text;
};

// One control. Text boxes, text areas and selects come with their label above; checkboxes and
// radio buttons with their label beside them, inside a group's fieldset; a kCustom control is
// drawn by the page module itself (the week table of the posting forms).
struct Control {
  enum class Kind { kInput, kTextarea, kSelect, kCheckbox, kRadio, kCustom };
  Kind kind = Kind::kInput;
  std::string name;  // the form field
  std::string label = "";
  std::string value = "";  // typed text; the value a checkbox or radio button sends
  std::string hint = "";
  std::string error = "";
  std::string type = "text";  // the input type (listing_form.tpl)
  std::string autocomplete = "off";
  std::string mode = "";  // inputmode: "decimal", "numeric"
  size_t max_length = 200;
  bool required = false;
  bool checked = false;
  bool narrow = false;        // a few characters wide: times, numbers
  bool postcode = false;      // seven characters wide
  std::string language = "";  // the language of the value, when not the page's (translations)
  std::string own_name = "";  // a language's name in itself, after the label
  std::string own_name_language = "";
  std::vector<Option> options = {};  // a select's; the one whose value is `value` is selected
  std::string id = "";               // the element's id when it is not the default (Id)
  uint32_t bits = 0;                 // kCustom: what its module keeps (the ticked day parts)

  // The element's id: `id` when set, else a radio button's "name-value" (spaces as '-'), else
  // the name.
  std::string Id() const;
};

// Controls in a fieldset with a legend, or (without a legend) as they are. `id` is the name
// errors of the group as a whole go under ("talen", "status"); it also names the hint and error
// paragraphs.
struct Group {
  std::string legend = "";
  std::string legend_language = "";  // the legend's language, when not the page's
  std::string id = "";
  std::string hint = "";
  std::string error = "";
  std::string text = "";  // a paragraph before the controls
  std::vector<Control> controls = {};
};

// Puts each error (by field or group name) next to its text box, text area, select or group.
// True when every error found a place.
bool AttachErrors(std::vector<Group>& groups, const std::map<std::string, std::string>& errors);

// Draws a kCustom control into its FIELD dictionary; `invalid` when its group has an error.
using CustomControlFill =
    std::function<void(const Control& control, ctemplate::TemplateDictionary& field, bool invalid)>;

// Adds the GROUP sections of `groups` to `dict`, and the ERRORS summary (each error linking to
// its control) when there are errors. `custom` draws kCustom controls.
void FillGroups(ctemplate::TemplateDictionary& dict, const std::vector<Group>& groups,
                const CustomControlFill& custom = nullptr);

}  // namespace knooppunt::web

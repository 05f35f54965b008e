#include "web/form_controls.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <set>
#include <string_view>

#include "web/i18n.h"

namespace knooppunt::web {

using ctemplate::TemplateDictionary;

namespace {

std::string DirectionOf(std::string_view code) {
  if (const Language* language = FindLanguage(code)) return std::string(language->dir());
  return "ltr";
}

// The section with the lang and dir of text in another language than the page's.
TemplateDictionary* AddLanguage(TemplateDictionary& parent, const char* section,
                                const std::string& code) {
  TemplateDictionary* own = parent.AddSectionDictionary(section);
  own->SetValue("CODE", code);
  own->SetValue("TEXT_DIR", DirectionOf(code));
  return own;
}

void FillCheck(TemplateDictionary& item, const Control& control, bool invalid_group) {
  TemplateDictionary* check = item.AddSectionDictionary("CHECK");
  bool radio = control.kind == Control::Kind::kRadio;
  check->ShowSection(radio ? "RADIO" : "CHECKBOX");
  check->SetValue("ID", control.Id());
  check->SetValue("NAME", control.name);
  check->SetValue("TYPE", radio ? "radio" : "checkbox");
  check->SetValue("VALUE", control.value);
  check->SetValue("LABEL", control.label);
  if (control.checked) check->ShowSection("CHECKED");
  if (invalid_group) check->ShowSection("INVALID");
  if (!control.own_name.empty()) {
    AddLanguage(*check, "OWN_NAME", control.own_name_language)->SetValue("TEXT", control.own_name);
  }
}

// A text box, text area or select with its label, hint and error; `summarise` lists the error.
void FillBox(TemplateDictionary& item, const Control& control,
             const std::function<void(const std::string&, const std::string&)>& summarise) {
  TemplateDictionary* box = item.AddSectionDictionary("BOX");
  std::string id = control.Id();
  box->SetValue("ID", id);
  box->SetValue("NAME", control.name);
  box->SetValue("LABEL", control.label);
  box->SetValue("VALUE", control.value);
  box->SetValue("MAX", std::to_string(control.max_length));
  std::string ids;
  if (!control.hint.empty()) {
    box->SetValueAndShowSection("TEXT", control.hint, "HINT");
    ids = id + "-hint";
  }
  if (!control.error.empty()) {
    box->SetValueAndShowSection("TEXT", control.error, "FIELD_ERROR");
    ids += (ids.empty() ? "" : " ") + id + "-fout";
    summarise(id, control.error);
  }
  // Sections are not inherited: the element's own dictionary shows its attributes.
  const char* kind = control.kind == Control::Kind::kTextarea ? "TEXTAREA"
                     : control.kind == Control::Kind::kSelect ? "SELECT"
                                                              : "INPUT";
  TemplateDictionary* element = box->AddSectionDictionary(kind);
  if (!ids.empty()) element->SetValueAndShowSection("IDS", ids, "DESCRIBED");
  if (!control.error.empty()) element->ShowSection("INVALID");
  if (control.required) element->ShowSection("REQUIRED");
  if (control.narrow) element->ShowSection("NARROW");
  if (control.postcode) element->ShowSection("POSTCODE");
  // listing_form.tpl knows only inputmode="decimal" (DECIMAL); posting_fields.tpl any (MODE).
  if (control.mode == "decimal") element->ShowSection("DECIMAL");
  if (!control.mode.empty()) element->SetValueAndShowSection("TEXT", control.mode, "MODE");
  if (!control.language.empty()) AddLanguage(*element, "OWN_LANG", control.language);
  element->SetValue("TYPE", control.type);
  element->SetValue("AUTOCOMPLETE", control.autocomplete);
  for (const Option& option : control.options) {
    TemplateDictionary* choice = element->AddSectionDictionary("OPTION");
    choice->SetValue("VALUE", option.value);
    choice->SetValue("TEXT", option.text);
    if (option.value == control.value) choice->ShowSection("SELECTED");
  }
}

}  // namespace

std::string Control::Id() const {
  if (!id.empty()) return id;
  if (kind != Kind::kRadio) return name;
  std::string radio_id = name + "-" + value;
  std::replace(radio_id.begin(), radio_id.end(), ' ', '-');
  return radio_id;
}

bool AttachErrors(std::vector<Group>& groups, const std::map<std::string, std::string>& errors) {
  std::set<std::string> placed;
  for (Group& group : groups) {
    if (auto found = errors.find(group.id); !group.id.empty() && found != errors.end()) {
      group.error = found->second;
      placed.insert(group.id);
    }
    for (Control& control : group.controls) {
      if (control.kind == Control::Kind::kCheckbox || control.kind == Control::Kind::kRadio ||
          control.kind == Control::Kind::kCustom) {
        continue;
      }
      if (auto found = errors.find(control.name); found != errors.end()) {
        control.error = found->second;
        placed.insert(control.name);
      }
    }
  }
  return placed.size() == errors.size();
}

void FillGroups(TemplateDictionary& dict, const std::vector<Group>& groups,
                const CustomControlFill& custom) {
  TemplateDictionary* errors = nullptr;
  auto summarise = [&](const std::string& field, const std::string& text) {
    if (errors == nullptr) errors = dict.AddSectionDictionary("ERRORS");
    TemplateDictionary* error = errors->AddSectionDictionary("ERROR");
    error->SetValue("FIELD", field);
    error->SetValue("TEXT", text);
  };
  for (const Group& group : groups) {
    TemplateDictionary* part = dict.AddSectionDictionary("GROUP");
    if (!group.text.empty()) part->SetValueAndShowSection("TEXT", group.text, "GROUP_TEXT");
    bool invalid_group = !group.error.empty();
    if (!group.legend.empty()) {
      TemplateDictionary* fieldset = part->AddSectionDictionary("FIELDSET");
      fieldset->SetValue("LEGEND", group.legend);
      if (!group.legend_language.empty()) {
        AddLanguage(*fieldset, "LEGEND_LANG", group.legend_language);
      }
      std::string ids;
      if (!group.hint.empty()) {
        TemplateDictionary* hint = fieldset->AddSectionDictionary("GROUP_HINT");
        hint->SetValue("ID", group.id);
        hint->SetValue("TEXT", group.hint);
        ids = group.id + "-hint";
      }
      if (invalid_group) {
        TemplateDictionary* error = fieldset->AddSectionDictionary("GROUP_ERROR");
        error->SetValue("ID", group.id);
        error->SetValue("TEXT", group.error);
        ids += (ids.empty() ? "" : " ") + group.id + "-fout";
      }
      if (!ids.empty()) fieldset->SetValueAndShowSection("IDS", ids, "GROUP_DESCRIBED");
    }
    if (invalid_group && !group.controls.empty()) {
      summarise(group.controls.front().Id(), group.error);
    }
    for (const Control& control : group.controls) {
      TemplateDictionary* item = part->AddSectionDictionary("FIELD");
      switch (control.kind) {
        case Control::Kind::kCustom:
          if (custom) custom(control, *item, invalid_group);
          break;
        case Control::Kind::kCheckbox:
        case Control::Kind::kRadio:
          FillCheck(*item, control, invalid_group);
          break;
        default:
          FillBox(*item, control, summarise);
      }
    }
  }
}

}  // namespace knooppunt::web

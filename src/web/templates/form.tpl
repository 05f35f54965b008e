{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{HEADING}}</h1>
{{#INTRO}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/INTRO}}{{#NOTICE}}<div class="kp-notice" role="status"><p class="utrecht-paragraph">{{TEXT}}</p></div>
{{/NOTICE}}{{#ERRORS}}<div class="kp-error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" autofocus>
<h2 class="utrecht-heading-2" id="fouten-titel">{{T_FORM_ERRORS}}</h2>
<ul>{{#ERROR}}<li><a class="utrecht-link" href="#{{FIELD}}">{{TEXT}}</a></li>{{/ERROR}}</ul>
</div>
{{/ERRORS}}{{#FIGURE}}<div class="kp-qr">{{SVG:none}}</div>
{{/FIGURE}}<form class="kp-form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/HIDDEN}}{{#FIELD}}{{#PLAIN}}<div class="utrecht-form-field">
<label class="utrecht-form-label" for="{{NAME}}">{{LABEL}}</label>
{{#HINT}}<p class="utrecht-form-field-description" id="{{NAME}}-hint">{{TEXT}}</p>
{{/HINT}}{{#FIELD_ERROR}}<p class="kp-field-error" id="{{NAME}}-fout">{{TEXT}}</p>
{{/FIELD_ERROR}}{{#INPUT}}<input class="utrecht-textbox utrecht-textbox--html-input" id="{{NAME}}" name="{{NAME}}" type="{{TYPE}}" autocomplete="{{AUTOCOMPLETE}}" maxlength="{{MAX}}" value="{{VALUE}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#FIELD_ERROR}} aria-invalid="true"{{/FIELD_ERROR}}{{#REQUIRED}} required{{/REQUIRED}}{{#NUMERIC}} inputmode="numeric"{{/NUMERIC}}>
{{/INPUT}}{{#TEXTAREA}}<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="{{NAME}}" name="{{NAME}}" rows="5" maxlength="{{MAX}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#FIELD_ERROR}} aria-invalid="true"{{/FIELD_ERROR}}{{#REQUIRED}} required{{/REQUIRED}}>{{VALUE}}</textarea>
{{/TEXTAREA}}</div>
{{/PLAIN}}{{#CHOICE}}<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{{LABEL}}</legend>
{{#HINT}}<p class="utrecht-form-field-description" id="{{NAME}}-hint">{{TEXT}}</p>
{{/HINT}}{{#FIELD_ERROR}}<p class="kp-field-error" id="{{NAME}}-fout">{{TEXT}}</p>
{{/FIELD_ERROR}}{{#OPTION}}<div class="kp-option"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="{{ID}}" name="{{NAME}}" value="{{OPTION_VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="{{ID}}">{{TEXT}}</label></div>
{{/OPTION}}</fieldset>
{{/CHOICE}}{{/FIELD}}<button class="utrecht-button utrecht-button--primary-action" type="submit">{{SUBMIT}}</button>
</form>
{{#LINK}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{TEXT}}</a></p>
{{/LINK}}

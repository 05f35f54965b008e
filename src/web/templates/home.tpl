{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{T_HOME_TITLE}}</h1>
<form class="kp-search" action="{{PREFIX}}/zoeken" method="get" role="search">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="q">{{T_SEARCH_LABEL}}</label>
<p class="utrecht-form-field-description" id="q-hint">{{T_SEARCH_HINT}}</p>
<input class="utrecht-textbox utrecht-textbox--html-input" id="q" name="q" type="search" aria-describedby="q-hint" maxlength="200">
</div>
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="plaats">{{T_PLACE_LABEL}}</label>
<input class="utrecht-textbox utrecht-textbox--html-input" id="plaats" name="plaats" type="text" autocomplete="address-level2" maxlength="100">
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">{{T_SEARCH_BUTTON}}</button>
</form>
<h2 class="utrecht-heading-2">{{T_TILES_TITLE}}</h2>
<ul class="kp-tiles">
{{#TILE}}<li><a class="kp-tile" href="{{URL}}"><span class="kp-tile__icon" aria-hidden="true">{{ICON}}</span> <span>{{LABEL}}</span></a></li>
{{/TILE}}</ul>
<h2 class="utrecht-heading-2">{{T_HOME_EXCHANGE_TITLE}}</h2>
<p class="utrecht-paragraph">{{T_HOME_EXCHANGE_TEXT}}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="{{PREFIX}}/vraag-en-aanbod">{{T_HOME_EXCHANGE_LINK}}</a></p>

{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}" dir="{{DIR}}" class="knooppunt-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} – Knooppunt</title>
<link rel="stylesheet" href="/static/build/knooppunt.css">
{{#MAP_ASSETS}}<link rel="stylesheet" href="/static/build/vendor/leaflet.css">{{/MAP_ASSETS}}
{{#ALTERNATE}}<link rel="alternate" hreflang="{{CODE}}" href="{{URL}}">
{{/ALTERNATE}}</head>
<body class="utrecht-page">
<a class="kp-skip-link" href="#inhoud">{{T_SKIP}}</a>
<header class="kp-header">
<p class="kp-brand"><a class="utrecht-link" href="{{PREFIX}}/">Knooppunt</a> <span>{{T_TAGLINE}}</span></p>
<p class="kp-exchange-link"><a class="utrecht-link" href="{{PREFIX}}/vraag-en-aanbod">{{T_NAV_EXCHANGE}}</a></p>
<p class="kp-account-link">{{#SIGNED_IN}}<a class="utrecht-link" href="{{PREFIX}}/account">{{T_NAV_ACCOUNT}}</a>{{/SIGNED_IN}}{{#SIGNED_OUT}}<a class="utrecht-link" href="{{PREFIX}}/inloggen">{{T_NAV_SIGN_IN}}</a>{{/SIGNED_OUT}}</p>
<nav class="kp-language-switch" aria-label="{{T_LANGUAGE}}">
<ul>{{#SWITCH}}<li><a class="utrecht-link" href="{{URL}}" lang="{{CODE}}" hreflang="{{CODE}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a></li>{{/SWITCH}}</ul>
</nav>
</header>
<main id="inhoud" class="kp-main utrecht-page__content" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="kp-footer utrecht-page-footer">
<ul>
<li><a class="utrecht-link" href="{{PREFIX}}/over">{{T_FOOTER_ABOUT}}</a></li>
<li><a class="utrecht-link" href="{{PREFIX}}/privacy">{{T_FOOTER_PRIVACY}}</a></li>
<li><a class="utrecht-link" href="{{PREFIX}}/toegankelijkheid">{{T_FOOTER_ACCESSIBILITY}}</a></li>
<li><a class="utrecht-link" href="/api/">{{T_FOOTER_DATA}}</a></li>
</ul>
</footer>
{{#MAP_ASSETS}}<script src="/static/build/vendor/leaflet.js" defer></script>
<script src="/static/build/js/map.js" defer></script>
{{/MAP_ASSETS}}
</body>
</html>

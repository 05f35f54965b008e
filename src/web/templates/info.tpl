{{%AUTOESCAPE context="HTML"}}<h1 class="utrecht-heading-1">{{HEADING}}</h1>
{{#PARAGRAPH}}<p class="utrecht-paragraph">{{TEXT}}</p>
{{/PARAGRAPH}}{{#LINK}}<p class="utrecht-paragraph"><a class="utrecht-link" href="{{URL}}">{{TEXT}}</a></p>
{{/LINK}}

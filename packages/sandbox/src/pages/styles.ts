import { raw, type SafeHtml } from "./html.js";

/** The pages' only stylesheet, inlined (no build, no files to serve). */
export const STYLES: SafeHtml = raw(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2230;background:#f3f5f8}
a{color:#0b4f9c}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f0a400;outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
.banner{margin:0;padding:.25rem 1rem;font-size:.82rem;background:repeating-linear-gradient(45deg,#ffe27a,#ffe27a 12px,#ffd54a 12px,#ffd54a 24px);text-align:center}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#10305c;color:#fff}
header.top a{color:#fff}
.brand{font-weight:700;font-size:1.15rem;text-decoration:none}
.tag{display:inline-block;margin-left:.4rem;padding:0 .4rem;border-radius:3px;background:#ffd54a;color:#1b2230;font-size:.75rem;font-weight:700;text-transform:uppercase;vertical-align:middle}
.who{display:flex;gap:1rem;align-items:center;font-size:.9rem}
.who form{margin:0}
.linkish{background:none;border:0;padding:0;color:inherit;text-decoration:underline;font:inherit;cursor:pointer}
main{max-width:54rem;margin:1rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:1.1rem 1.4rem;margin-bottom:1rem}
h1{font-size:1.6rem;margin:.2rem 0 .8rem}h2{font-size:1.2rem;margin:1rem 0 .5rem}
.stepnav{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:center;margin:0 0 .6rem}
.stepnav p{margin:0;font-size:.85rem}
.steps{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:0;font-size:.85rem;counter-reset:s}
.steps li{counter-increment:s;padding:.2rem .6rem;border-radius:999px;background:#e4e9f0;color:#3a4557}
.steps li::before{content:counter(s) ". "}
.steps li[aria-current]{background:#10305c;color:#fff;font-weight:600}
.intro{display:flex;gap:1rem;align-items:flex-start}
.intro img{width:64px;height:64px;object-fit:contain;border:1px solid #d5dbe3;border-radius:6px;background:#fff}
fieldset{border:1px solid #c7cfda;border-radius:6px;padding:.6rem 1rem;margin:0 0 1rem}
legend{font-weight:600;padding:0 .3rem}
.envs{list-style:none;padding:0;margin:0;columns:2 18rem}
.envs li{break-inside:avoid;padding:.15rem 0}
.envs label{cursor:pointer;display:flex;gap:.5rem;align-items:flex-start;line-height:1.3}
.envs input{margin-top:.2rem}
.envs small{display:block;color:#5a6577}
.muted{color:#5a6577;font-size:.9rem}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.78rem;font-weight:600;background:#e4e9f0;color:#1b2230}
.badge.legacy{background:#fff1c7}
.alert{border-left:5px solid #c62828;background:#fdecea;padding:.6rem .9rem;margin:0 0 1rem;border-radius:4px}
.note{border-left:5px solid #0b4f9c;background:#e8f1fb;padding:.6rem .9rem;margin:0 0 1rem;border-radius:4px}
.ok{border-left-color:#2e7d32;background:#e8f5e9}
.alert p,.note p{margin:.2rem 0}
.actions{display:flex;gap:.8rem;align-items:center;flex-wrap:wrap;margin-top:1rem}
button,.button{display:inline-block;font:inherit;padding:.5rem 1.1rem;border-radius:5px;border:1px solid #10305c;background:#10305c;color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#10305c}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid #d5dbe3;padding:.4rem .5rem;text-align:left;vertical-align:top}
tr.changed{background:#fff6d6}
mark{background:#ffe27a;padding:0 .25rem;border-radius:3px;font-weight:600}
.status-PENDING{color:#8a5a00}.status-APPROVED{color:#1b5e20}.status-REJECTED{color:#b71c1c}.status-EXPIRED{color:#6d4c41}
.status{font-weight:600}
dl.pairs{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0 1rem}
dl.pairs dt{font-weight:600}dl.pairs dd{margin:0}
.requests{list-style:none;padding:0;margin:0}
.requests>li{border-top:1px solid #e1e6ed;padding:.5rem 0}
.requests p{margin:.25rem 0}
.email-body{white-space:pre-wrap;font:inherit;font-size:.92rem;background:#f7f9fb;border:1px solid #e1e6ed;border-radius:4px;padding:.6rem .8rem;margin:.4rem 0}
.requests ul{margin:.2rem 0 0;padding-left:1.2rem;font-size:.92rem}
`);

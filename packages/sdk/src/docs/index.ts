export { DOCS_BASE_URL, DOCS_PAGES, type DocsPage, docsUrl } from "./docs-url.js";

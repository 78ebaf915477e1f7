export { DOCS_BASE_URL, DOCS_PAGES, type DocsPage, docsUrl, SCHEMA_URL } from "./docs-url.js";

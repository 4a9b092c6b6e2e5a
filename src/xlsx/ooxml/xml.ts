/**
 * Streaming XML through saxes (a well-kept, strict, non-validating SAX parser: no DTD, no
 * entity expansion beyond XML's five and character references), with element names resolved to
 * their namespace. saxes' own namespace mode doubles the time on a national sheet (3.4 s against
 * 2.0 s for 64 MB); this keeps a prefix scope that only changes where an element declares one.
 */
import { SaxesParser, SaxesTagPlain } from "saxes";
import { KNOWN_NAMESPACES } from "./names";

/** Attributes as written, qualified names as keys (`r`, `r:id`, `xmlns:x`). */
export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** An element opens: its namespace URI ("" for none), local name, attributes, name as written. */
  open(
    ns: string,
    local: string,
    attributes: XmlAttributes,
    scope: NamespaceScope,
    name: string
  ): void;
  /** The element opened last closes. */
  close(ns: string, local: string): void;
  /** Character data (text or CDATA) inside the current element. */
  text?(text: string): void;
}

/** Prefix to namespace URI, as declared on the open elements. */
export class NamespaceScope {
  constructor(
    private readonly map: ReadonlyMap<string, string>,
    readonly parent: NamespaceScope | null
  ) {}

  /** Every prefix in scope and its namespace URI (to start another stream in this scope). */
  entries(): [string, string][] {
    return [...this.map];
  }

  uri(prefix: string): string {
    return this.map.get(prefix) ?? (prefix === "xml" ? "http://www.w3.org/XML/1998/namespace" : "");
  }

  /** The value of the attribute `local` in namespace `ns` (a prefixed attribute). */
  attribute(attributes: XmlAttributes, ns: string, local: string): string | undefined {
    for (const name in attributes) {
      const colon = name.indexOf(":");
      if (colon > 0 && name.slice(colon + 1) === local && this.uri(name.slice(0, colon)) === ns)
        return attributes[name];
    }
    return undefined;
  }

  /** The scope inside an element with these attributes (this one when it declares nothing). */
  enter(attributes: XmlAttributes): NamespaceScope {
    let declared: Map<string, string> | null = null;
    for (const name in attributes) {
      if (name.charCodeAt(0) !== 120 /* x */ || !name.startsWith("xmlns")) continue;
      if (name.length !== 5 && name.charCodeAt(5) !== 58 /* : */) continue;
      declared ??= new Map(this.map);
      const uri = attributes[name];
      declared.set(name.length === 5 ? "" : name.slice(6), KNOWN_NAMESPACES.get(uri) ?? uri);
    }
    return declared ? new NamespaceScope(declared, this) : this;
  }
}

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

/** Feeds chunks of one XML document to a handler. */
export class XmlStream {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private scope: NamespaceScope;
  /** Namespace declarations among the attributes of the element being opened. */
  private declares = false;
  /** Per open element: its scope, namespace and local name (parallel stacks, no object per element). */
  private readonly scopes: NamespaceScope[] = [];
  private readonly namespaces: string[] = [];
  private readonly locals: string[] = [];
  /** The last prefix resolved, in which scope, to what: most elements repeat their sibling's. */
  private lastPrefix = "\u0000";
  private lastScope: NamespaceScope | null = null;
  private lastUri = "";

  /** `scope`: prefixes already declared around the text this stream is given (sheet-split.ts). */
  constructor(handler: XmlHandler, scope: readonly (readonly [string, string])[] = []) {
    this.scope = new NamespaceScope(new Map(scope), null);
    const parser = this.parser;
    // Declarations are seen attribute by attribute: cheaper than looking through every element's attributes.
    parser.on("attribute", (attribute: { name: string }) => {
      const name = attribute.name;
      if (name.charCodeAt(0) === 120 /* x */ && name.startsWith("xmlns")) this.declares = true;
    });
    parser.on("opentag", (tag: SaxesTagPlain) => {
      const attributes = tag.attributes as XmlAttributes;
      this.scopes.push(this.scope);
      if (this.declares) {
        this.scope = this.scope.enter(attributes);
        this.declares = false;
      }
      const name = tag.name;
      const colon = name.indexOf(":");
      const prefix = colon < 0 ? "" : name.slice(0, colon);
      const local = colon < 0 ? name : name.slice(colon + 1);
      if (prefix !== this.lastPrefix || this.scope !== this.lastScope) {
        this.lastPrefix = prefix;
        this.lastScope = this.scope;
        this.lastUri = this.scope.uri(prefix);
      }
      const ns = this.lastUri;
      this.namespaces.push(ns);
      this.locals.push(local);
      handler.open(ns, local, attributes, this.scope, name);
    });
    parser.on("closetag", () => {
      const ns = this.namespaces.pop();
      const local = this.locals.pop();
      this.scope = this.scopes.pop() ?? this.scope;
      if (ns !== undefined && local !== undefined) handler.close(ns, local);
    });
    if (handler.text) {
      const text = handler.text.bind(handler);
      parser.on("text", text);
      parser.on("cdata", text);
    }
    parser.on("doctype", () => {
      // ECMA-376 packages carry no DTD; one here is a crafted file.
      throw new XmlSyntaxError("a DOCTYPE is not allowed in a spreadsheet part");
    });
    parser.on("error", (error: Error) => {
      throw new XmlSyntaxError(error.message);
    });
  }

  /** Elements open where the stream is now. */
  get depth(): number {
    return this.locals.length;
  }

  /** The prefixes in scope where the stream is now (see NamespaceScope.entries). */
  scopeEntries(): [string, string][] {
    return this.scope.entries();
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  end(): void {
    this.parser.close();
  }
}

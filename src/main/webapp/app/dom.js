// Builds elements without innerHTML: every text goes in as text, so nothing the service or the young person
// writes can become markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let counter = 0;
export const uniqueId = (prefix) => `${prefix}-${++counter}`;

/** A labelled input with an optional hint, tied together for screen readers. */
export function field(label, input, hint) {
  const id = input.id || uniqueId('field');
  input.id = id;
  const hintId = hint ? id + '-hint' : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', {}, h('label', { for: id }, label, hint ? h('span', { class: 'hint', id: hintId }, hint) : null), input);
}

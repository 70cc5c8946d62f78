import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detachText } from '../../src/xml/detachText.js';

describe('detachText', () => {
  it('property: returns exactly the same characters, surrogates and empty strings included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), (text, cut) => {
        // A slice of a longer document, as the XML tree hands values out.
        const value = `<a>${text}</a>`.slice(3, 3 + (cut % (text.length + 1)));
        expect(detachText(value)).toBe(value);
        expect(detachText(value).length).toBe(value.length);
      }),
    );
    expect(detachText('')).toBe('');
    expect(detachText('Z109-WS·2024-Y-BGS-0001 𠀀')).toBe('Z109-WS·2024-Y-BGS-0001 𠀀');
  });
});

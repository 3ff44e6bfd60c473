declare module 'sastrawijs' {
  export class Stemmer {
    stem(word: string): string;
  }
  export class Tokenizer {
    tokenize(text: string): string[];
  }
}

export * from "./layout";
export * from "./read";
export * from "./write";
export { randomUUID } from "./uuid";

// Preact arrives as its UMD browser builds (web/vendor/preact/, copied from the WebJar at build time), which set the
// globals `preact` and `preactHooks`. This is the one module that reads them, so every other module imports as usual
// and no import map (inline script, which the CSP refuses) is needed.
const { h, render, Fragment, createContext } = globalThis.preact;
const { useState, useEffect, useRef, useCallback, useMemo, useContext } = globalThis.preactHooks;

export { h, render, Fragment, createContext, useState, useEffect, useRef, useCallback, useMemo, useContext };

import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../shared/roles';
import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey } from './en';
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, es };

/** Fills `{name}` placeholders; an unknown placeholder is left as is so a missing variable is visible. */
export function format(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, vars) => format(catalog[key], vars);
}

type I18nValue = { locale: Locale; t: Translate };
const I18nContext = createContext<I18nValue>({ locale: 'en', t: translator('en') });

/** Provides `t` for `locale` and keeps `<html lang>` in step with it. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

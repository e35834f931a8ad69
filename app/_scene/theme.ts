'use client';
// The scene's theme, provided once inside TwinCanvas so each layer picks its
// colours from SCENE_COLORS[theme] (palette.ts) without a prop through every layer.
import { createContext, useContext } from 'react';
import { SCENE_COLORS, type SceneColors, type SceneTheme } from './palette';

export const SceneThemeContext = createContext<SceneTheme>('light');

export function useSceneTheme(): SceneTheme {
  return useContext(SceneThemeContext);
}

export function useSceneColors(): SceneColors {
  return SCENE_COLORS[useContext(SceneThemeContext)];
}
